using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>The recipe is Docker's cache key for the dependency layer: identical when only sources,
/// local versions or metadata change, different whenever what dependencies compile to can change.</summary>
[TestFixture]
public sealed class RecipeInvarianceTests
{
    private TemporaryTree _tree = null!;
    private string _repo = null!;
    private string _baseline = null!;

    [SetUp]
    public async Task SetUp()
    {
        _tree = new TemporaryTree();
        _repo = _tree.CopyFixture("multi");
        _baseline = await RecipeAsync();
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    [Test]
    public async Task Is_byte_identical_across_runs_locations_and_working_directories()
    {
        var elsewhere = _tree.CopyFixture("multi", "somewhere/else/repo");
        var directory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.GetTempPath();
            (await RecipeAsync()).ShouldBe(_baseline);
            (await RecipeAsync(elsewhere)).ShouldBe(_baseline);
        }
        finally
        {
            Environment.CurrentDirectory = directory;
        }

        _baseline.ShouldNotContain(_tree.Root);
        _baseline.ShouldNotContain("\r");
    }

    [TestCase("crates/util/src/lib.rs", "values.iter()", "values.iter().rev()", TestName = "Ignores a source change")]
    [TestCase("Cargo.toml", "version = \"1.2.3\"\nedition", "version = \"1.3.0\"\nedition", TestName = "Ignores a workspace version bump")]
    [TestCase("Cargo.toml", "fixture-util = { path = \"crates/util\", version = \"1.2.3\" }", "fixture-util = { path = \"crates/util\", version = \"1.2\" }", TestName = "Ignores a local path dependency's version")]
    [TestCase("shared/helpers/Cargo.toml", "version = \"0.5.0\"", "version = \"0.5.1\"", TestName = "Ignores the version of a path dependency outside the workspace")]
    [TestCase("app/Cargo.toml", "The fixture's application.", "Something else entirely.", TestName = "Ignores a description change")]
    [TestCase("app/Cargo.toml", "all-features = true", "all-features = false", TestName = "Ignores package.metadata")]
    [TestCase("Cargo.toml", "unsafe_code = \"forbid\"", "unsafe_code = \"deny\"", TestName = "Ignores workspace lints")]
    [Category("Slow")] // starts cargo or git
    public async Task Stays_identical(string file, string oldText, string newText)
    {
        _tree.Replace("repo/" + file, oldText, newText);
        if (file.EndsWith("Cargo.toml", StringComparison.Ordinal))
        {
            await CargoProcess.RunAsync(_repo, ["metadata", "--format-version", "1", "--offline"]);
        }

        (await RecipeAsync()).ShouldBe(_baseline);
    }

    [TestCase("crates/util/Cargo.toml", "itoa = \"1.0\"", "itoa = \"1.0\"\neither = \"1.6\"", TestName = "Changes with a new external dependency")]
    [TestCase("crates/util/Cargo.toml", "features = [\"std\"]", "features = [\"std\", \"use_std\"]", TestName = "Changes with a feature")]
    [TestCase("Cargo.toml", "debug = 0", "debug = 1", TestName = "Changes with a profile setting")]
    [Category("Slow")] // starts cargo or git
    public async Task Changes(string file, string oldText, string newText)
    {
        _tree.Replace("repo/" + file, oldText, newText);
        if (file.EndsWith("Cargo.toml", StringComparison.Ordinal))
        {
            await CargoProcess.RunAsync(_repo, ["metadata", "--format-version", "1", "--offline"]);
        }

        (await RecipeAsync()).ShouldNotBe(_baseline);
    }

    [Test]
    [Category("Slow")] // starts cargo or git
    public async Task Is_the_same_when_built_from_cargo_metadata_instead_of_the_scan()
    {
        // Cargo's own view of packages and targets is the oracle for discovery.
        var fromCargo = RecipeJson.Serialize(SkeletonBuilder.Build(await MetadataRepository.LoadAsync(_repo)));

        fromCargo.ShouldBe(_baseline);
    }

    [Test]
    public async Task Changes_with_a_lockfile_entry()
    {
        // Loaded first: cargo itself refuses a lockfile whose checksum was altered.
        var repository = RepositoryScanner.Scan(_repo, "repo");
        _tree.Replace("repo/Cargo.lock", "224afbd727c3d6e4b90103ece64b8d1b67fbb1973b1046c2281eed3f3803f800", "0000000000000000000000000000000000000000000000000000000000000000");

        RecipeJson.Serialize(SkeletonBuilder.Build(repository)).ShouldNotBe(_baseline);
    }

    [Test]
    public async Task Changes_with_the_toolchain_file()
    {
        // Read from disk only (cargo would ask rustup for the pinned toolchain).
        var repository = RepositoryScanner.Scan(_repo, "repo");
        _tree.Write("repo/rust-toolchain.toml", "[toolchain]\nchannel = \"1.95.0\"\n");
        var pinned = RecipeJson.Serialize(SkeletonBuilder.Build(repository));
        pinned.ShouldNotBe(_baseline);
        pinned.ShouldContain("\"rust_toolchain_file\": [\n      \"Toml\",");
    }

    [Test]
    public async Task Masks_local_versions_in_manifests_and_lockfile_but_not_patched_packages()
    {
        var recipe = RecipeJson.Deserialize(_baseline, "recipe.json");
        var root = recipe.Manifests.Single(m => m.RelativePath == "Cargo.toml").Contents;
        root.ShouldContain("version = \"0.0.1\"");
        root.ShouldNotContain("1.2.3");
        root.ShouldNotContain("lints");
        root.ShouldNotContain("metadata");
        root.ShouldNotContain("authors");
        recipe.Manifests.Single(m => m.RelativePath == "shared/helpers/Cargo.toml").Contents.ShouldContain("version = \"0.0.1\"");
        recipe.Manifests.Single(m => m.RelativePath == "vendor/itoa/Cargo.toml").Contents.ShouldContain("version = \"1.0.1\"");
        recipe.LockFile.ShouldNotBeNull();
        recipe.LockFile.ShouldNotContain("1.2.3");
        recipe.LockFile.ShouldContain("name = \"itoa\"\nversion = \"1.0.1\"\n\n");
        recipe.LocalPackages().ShouldBe(["fixture-app", "fixture-helpers", "fixture-macros", "fixture-util"]);

        // The patched crate is a dependency, not the repository's code: its real sources travel along.
        recipe.PatchedSources.Keys.ShouldBe(["vendor/itoa/src/lib.rs"]);
        recipe.PatchedSources["vendor/itoa/src/lib.rs"].ShouldBe(File.ReadAllText(Path.Combine(_repo, "vendor", "itoa", "src", "lib.rs")));
    }

    [Test]
    public async Task Declares_every_target_explicitly_with_a_dummy_source()
    {
        var recipe = RecipeJson.Deserialize(_baseline, "recipe.json");
        var app = recipe.Manifests.Single(m => m.RelativePath == "app/Cargo.toml");
        app.Targets.Select(t => $"{t.Kind}:{t.Name}:{t.Path}").ShouldBe(
            ["Bin:fixture:src/main.rs", "Example:demo:examples/demo.rs", "Test:it:tests/it.rs", "BuildScript:build-script-build:build.rs"]);
        app.Contents.ShouldContain("autotests = false");
        app.Contents.ShouldContain("build = \"build.rs\"");
        recipe.Manifests.Single(m => m.RelativePath == "crates/macros/Cargo.toml").Targets.Single().Kind.ShouldBe(RecipeTargetKind.ProcMacro);

        var files = SkeletonFiles.Materialize(recipe);
        files["app/src/main.rs"].ShouldBe(DummySources.Main);
        files["app/build.rs"].ShouldBe(DummySources.Main);
        files["app/tests/it.rs"].ShouldBe(DummySources.Empty);
        files["crates/util/src/lib.rs"].ShouldBe(DummySources.Empty);
        files[".cargo/config.toml"].ShouldContain("/usr/share/cargo/registry");
    }

    [Test]
    [Category("Slow")] // starts cargo or git
    public async Task A_package_filter_keeps_only_its_dependency_closure()
    {
        var repository = RepositoryScanner.Scan(_repo, "repo");
        var recipe = SkeletonBuilder.Build(repository, new RecipeOptions { Packages = ["fixture-util"] });

        recipe.Manifests.Select(m => m.RelativePath).ShouldBe(["Cargo.toml", "crates/macros/Cargo.toml", "crates/util/Cargo.toml", "vendor/itoa/Cargo.toml"]);
        recipe.LockFile!.ShouldNotContain("anyhow");
        recipe.LockFile!.ShouldContain("memchr");

        // Cargo accepts the filtered skeleton with --locked: the pruned lockfile is exactly what it would write.
        var skeleton = _tree["filtered"];
        foreach (var (path, content) in SkeletonFiles.Materialize(recipe))
        {
            _tree.Write("filtered/" + path, content);
        }

        await CargoProcess.RunAsync(skeleton, ["metadata", "--format-version", "1", "--offline", "--locked"]);
        Should.Throw<PrewarmException>(() => SkeletonBuilder.Build(repository, new RecipeOptions { Bins = ["nope"] })).Message.ShouldContain("--bin nope");
    }

    [Test]
    public async Task Refuses_to_write_into_the_repository_or_its_sources()
    {
        var repository = RepositoryScanner.Scan(_repo, "repo");
        var recipe = SkeletonBuilder.Build(repository);
        var environment = new BuildEnvironment { Toolchain = "t", Profile = "dev", RecipeSha256 = "" };

        Should.Throw<PrewarmException>(() => RecipeArtifacts.Write(Path.Combine(_repo, "app", "src"), repository, recipe, environment));
        Should.Throw<PrewarmException>(() => RecipeArtifacts.EnsureOutsideSources(_repo, repository));
        Should.Throw<PrewarmException>(() => RecipeArtifacts.EnsureOutsideSources(_tree.Root, repository));
        Directory.Exists(Path.Combine(_repo, "app", "src", "recipes")).ShouldBeFalse();
        Should.Throw<PrewarmException>(() => SkeletonFiles.Checked("../../etc/passwd", "x/Cargo.toml"));
        Should.Throw<PrewarmException>(() => SkeletonFiles.Checked("/etc/passwd", "x/Cargo.toml"));
    }

    [Test]
    public async Task Rewriting_unchanged_outputs_keeps_their_modification_times()
    {
        var repository = RepositoryScanner.Scan(_repo, "repo");
        var recipe = SkeletonBuilder.Build(repository);
        var environment = new BuildEnvironment { Toolchain = "t", Profile = "dev", RecipeSha256 = "" };
        RecipeArtifacts.Write(_tree["out"], repository, recipe, environment);
        var manifest = Path.Combine(RecipeArtifacts.DirectoryFor(_tree["out"], "repo"), "skeleton", "app", "Cargo.toml");
        var old = DateTime.UtcNow.AddDays(-3);
        File.SetLastWriteTimeUtc(manifest, old);

        RecipeArtifacts.Write(_tree["out"], repository, recipe, environment with { Profile = "release" });

        File.GetLastWriteTimeUtc(manifest).ShouldBe(old);
        File.ReadAllText(Path.Combine(RecipeArtifacts.DirectoryFor(_tree["out"], "repo"), "build-env.json")).ShouldContain("\"release\"");
        Directory.GetDirectories(Path.Combine(_tree["out"], "recipes")).Select(Path.GetFileName).ShouldBe(["repo"]);
    }

    private async Task<string> RecipeAsync(string? repo = null) =>
        RecipeJson.Serialize(SkeletonBuilder.Build(RepositoryScanner.Scan(repo ?? _repo, "repo")));
}
