using CliWrap;
using CliWrap.Buffered;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Recipes;

/// <summary>The skeleton's masked Cargo.lock must be the file cargo itself would write for the
/// skeleton: <c>cargo metadata --locked</c> on it resolves the original's graph, and cargo rewriting
/// it (<c>cargo update --workspace</c>, which keeps every registry version) changes no byte.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class SkeletonLockfileTests
{
    [Test]
    public async Task A_workspace_crate_also_locked_from_the_registry_at_the_same_version_keeps_both_in_the_skeleton()
    {
        // clap: clap_builder is a member and, at the same version, a registry package. Masking the
        // member's version makes the versions unique, so cargo writes the registry reference
        // without its source ("clap_builder 4.6.6"), and the masked file must too.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"cell\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nonce_cell = { path = \"../cell\" }\nupstream = { package = \"once_cell\", version = \"=1.17.0\" }\n")
            .Write("app/src/lib.rs", "")
            .Write("cell/Cargo.toml", "[package]\nname = \"once_cell\"\nversion = \"1.17.0\"\nedition = \"2021\"\n")
            .Write("cell/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root))));

        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await ShouldBeWhatCargoWritesAsync(skeleton.Path);
    }

    [Test]
    public async Task A_package_filter_that_leaves_one_version_of_a_name_shortens_its_references_like_cargo()
    {
        // Two members lock env_logger 0.7 and 0.9, so cargo writes "env_logger 0.9.3"; with only
        // `new` kept a single version remains and cargo writes plain "env_logger".
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"old\", \"new\"]\nresolver = \"2\"\n")
            .Write("old/Cargo.toml", "[package]\nname = \"old\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nenv_logger = { version = \"0.7\", default-features = false }\n")
            .Write("old/src/lib.rs", "")
            .Write("new/Cargo.toml", "[package]\nname = \"new\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nenv_logger = { version = \"0.9\", default-features = false }\n")
            .Write("new/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root), new RecipeOptions { Packages = ["new"] });
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        (await ResolvedGraph.ReadAsync(skeleton.Path, "Cargo.toml")).ShouldContain(l => l.StartsWith("new (local) -> env_logger 0.9.3 ", StringComparison.Ordinal));
        await ShouldBeWhatCargoWritesAsync(skeleton.Path);
        recipe.LockFile.ShouldNotBeNull().ShouldContain(" \"env_logger\",\n");
    }

    [Test]
    public async Task A_package_patched_by_another_workspace_keeps_path_dependencies_that_match_the_masked_versions()
    {
        // sea-orm: examples patch crates.io's sea-orm with the root package, so the root keeps its
        // version and its manifest as written; its path dependency on a masked member must still
        // match that member's 0.0.1, or cargo cannot resolve the root workspace.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nmacros = { path = \"macros\", version = \"0.1\" }\n\n[workspace]\nmembers = [\"macros\"]\nexclude = [\"examples\"]\n")
            .Write("src/lib.rs", "")
            .Write("macros/Cargo.toml", "[package]\nname = \"macros\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("macros/src/lib.rs", "")
            .Write("examples/demo/Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\napp = \"0.1\"\n\n[workspace]\n\n[patch.crates-io]\napp = { path = \"../..\" }\n")
            .Write("examples/demo/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        await CargoMetadata.RunAsync(Path.Combine(fixture.Root, "examples", "demo"), "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root))));

        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root, "examples/demo/Cargo.toml");
    }

    [Test]
    public async Task A_patched_member_inheriting_from_the_workspace_finds_what_it_inherits_in_the_skeleton()
    {
        // rustls (lints) and tauri (authors): the patched member keeps its manifest as written, so the
        // root keeps [workspace.package] and [workspace.lints] as written, and the members inheriting
        // the shared version keep it in manifests and lockfile alike.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"itoa\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"1.0.1\"\nedition = \"2021\"\nauthors = [\"A <a@example.com>\"]\n\n[workspace.lints.rust]\nunsafe_code = \"forbid\"\n\n[patch.crates-io]\nitoa = { path = \"itoa\" }\n")
            .Write("itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion.workspace = true\nedition.workspace = true\nauthors.workspace = true\n\n[lints]\nworkspace = true\n")
            .Write("itoa/src/lib.rs", "pub fn format(n: u64) -> String { n.to_string() }\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\nitoa = \"1\"\n")
            .Write("app/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.MaterializeBytes(recipe));

        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await CargoMetadata.RunAsync(skeleton.Path, "build", "--offline", "--locked", "--target-dir", Path.Combine(skeleton.Path, "target"));
        recipe.Manifests.Single(m => m.RelativePath == "Cargo.toml").Contents.ShouldContain("unsafe_code");
    }

    [Test]
    public async Task A_name_and_version_locked_from_git_and_from_the_registry_is_read_and_masked_like_cargo()
    {
        // cargo writes the reference to the git copy without the `#<commit>` its package's source ends
        // with, and keeps the version in both references (the source needs it): Resolve must accept the
        // file and the masked lockfile must keep both, or `--locked` refuses the skeleton.
        using var fixture = new CargoFixture();
        var git = await fixture.CreateGitPackageAsync("itoa", "1.0.1");
        var rev = (await Cli.Wrap("git").WithArguments("rev-parse HEAD").WithWorkingDirectory(new Uri(git).LocalPath).ExecuteBufferedAsync()).StandardOutput.Trim();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", $"[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = {{ git = \"{git}\", rev = \"{rev}\" }}\nserde_json = \"1\"\n")
            .Write("app/src/lib.rs", "");
        // The git repository is fetched once; from then on cargo works offline from its checkout.
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--config", "net.offline=false");
        var original = await File.ReadAllTextAsync(Path.Combine(fixture.Root, "Cargo.lock"));
        original.ShouldContain($" \"itoa 1.0.1 (git+{git}?rev={rev})\",\n");
        original.ShouldContain($"source = \"git+{git}?rev={rev}#{rev}\"");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.LockFile.ShouldNotBeNull().ShouldContain(" \"itoa 1.0.1 (registry+https://github.com/rust-lang/crates.io-index)\",\n");
        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await CargoMetadata.RunAsync(skeleton.Path, "build", "--offline", "--locked", "--target-dir", Path.Combine(skeleton.Path, "target"));
        await ShouldBeWhatCargoWritesAsync(skeleton.Path);
    }

    [Test]
    public async Task A_patch_path_inside_the_workspace_that_is_no_member_travels_in_the_recipe()
    {
        // vendor/itoa is neither listed nor excluded: cargo reads it only for the [patch], with what it
        // inherits from the workspace around it. --no-deps never reads it; full resolution and the
        // --locked build of the skeleton do.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n\n[workspace.package]\nedition = \"2018\"\n\n[patch.crates-io]\nitoa = { path = \"vendor/itoa\" }\n")
            .Write("vendor/itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\nedition.workspace = true\n")
            .Write("vendor/itoa/src/lib.rs", "pub fn format(n: u64) -> String { n.to_string() }\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n")
            .Write("app/src/lib.rs", "pub fn f() -> String { itoa::format(1) }\n");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var repository = RepositoryScanner.Scan(fixture.Root);
        var recipe = SkeletonBuilder.Build(repository);
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.MaterializeBytes(recipe));

        var itoa = repository.Packages.Single(p => p.Name == "itoa");
        (itoa.WorkspaceRoot, itoa.InheritsFrom, itoa.Edition).ShouldBe((null, "Cargo.toml", "2018"));
        recipe.Manifests.Select(m => m.RelativePath).ShouldContain("vendor/itoa/Cargo.toml");
        recipe.PatchedSources.Keys.ShouldBe(["vendor/itoa/src/lib.rs"]);
        RecipeJson.Serialize(recipe).ShouldContain($"\"patched_sources_note\": \"{RecipeJson.PatchedSourcesNote}\"");
        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await CargoMetadata.RunAsync(skeleton.Path, "build", "--offline", "--locked", "--target-dir", Path.Combine(skeleton.Path, "target"));
    }

    [Test]
    public async Task Two_path_packages_of_one_name_keep_distinct_masked_versions_and_a_version_bump_changes_no_byte()
    {
        // The member foo (1.0.0, inherited from [workspace.package]) and ext/foo (2.0.0), depended on
        // as foo2: cargo locks "foo 1.0.0" and "foo 2.0.0". Both masked to 0.0.1 they would be one
        // package twice ("package `foo` is specified twice in the lockfile"): each directory of a
        // name gets its own masked version, in manifests, requirements and lockfile alike.
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"foo\"]\nexclude = [\"ext\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"1.0.0\"\nedition = \"2021\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nfoo = { path = \"../foo\", version = \"1\" }\nfoo2 = { package = \"foo\", path = \"../ext/foo\", version = \"2\" }\n")
            .Write("app/src/lib.rs", "")
            .Write("foo/Cargo.toml", "[package]\nname = \"foo\"\nversion.workspace = true\nedition.workspace = true\n")
            .Write("foo/src/lib.rs", "")
            .Write("ext/foo/Cargo.toml", "[package]\nname = \"foo\"\nversion = \"2.0.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n")
            .Write("ext/foo/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await CargoMetadata.RunAsync(skeleton.Path, "build", "--offline", "--locked", "--target-dir", Path.Combine(skeleton.Path, "target"));
        await ShouldBeWhatCargoWritesAsync(skeleton.Path);
        recipe.LockFile.ShouldNotBeNull().ShouldContain(" \"foo 0.0.1\",\n \"foo 0.0.2\",\n");

        fixture.Write("ext/foo/Cargo.toml", "[package]\nname = \"foo\"\nversion = \"2.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        (await File.ReadAllTextAsync(Path.Combine(fixture.Root, "Cargo.lock"))).ShouldContain("version = \"2.1.0\"");
        RecipeJson.Serialize(SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root))).ShouldBe(RecipeJson.Serialize(recipe));
    }

    [Test]
    public async Task A_member_masked_below_a_registry_namesake_is_locked_in_cargos_order()
    {
        // The member itoa 2.0.0 follows the registry's itoa 1.0.1 in the lockfile; masked to 0.0.1 it
        // comes first, in the entries and in app's references, as cargo writes it (the last entry of
        // the file moves, so the blank lines between entries must too).
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"itoa\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\nmine = { package = \"itoa\", path = \"../itoa\" }\n")
            .Write("app/src/lib.rs", "")
            .Write("itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion = \"2.0.0\"\nedition = \"2021\"\n")
            .Write("itoa/src/lib.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.LockFile.ShouldNotBeNull().ShouldContain(" \"itoa 0.0.1\",\n \"itoa 1.0.1\",\n");
        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
        await ShouldBeWhatCargoWritesAsync(skeleton.Path);
    }

    [Test]
    public async Task Namesakes_of_one_version_in_workspaces_of_their_own_each_lock_the_masked_version_of_their_directory()
    {
        // Examples made from one template: `demo 0.1.0` in two workspaces, each with its lockfile. The
        // two masked versions (0.0.1 for examples/a, 0.0.2 for examples/b) cannot be told apart by name
        // and version: each lockfile takes the one its own workspace holds.
        using var fixture = new CargoFixture();
        foreach (var example in new[] { "a", "b" })
        {
            fixture
                .Write($"examples/{example}/Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n\n[workspace]\n")
                .Write($"examples/{example}/src/main.rs", "fn main() {}\n");
            await CargoMetadata.RunAsync(Path.Combine(fixture.Root, "examples", example), "generate-lockfile", "--offline");
        }

        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.NestedLockFiles["examples/a/Cargo.lock"].ShouldContain("name = \"demo\"\nversion = \"0.0.1\"\n");
        recipe.NestedLockFiles["examples/b/Cargo.lock"].ShouldContain("name = \"demo\"\nversion = \"0.0.2\"\n");
        foreach (var example in new[] { "examples/a", "examples/b" })
        {
            (await ResolvedGraph.ReadAsync(Path.Combine(skeleton.Path, example), "Cargo.toml")).ShouldBe(await ResolvedGraph.ReadAsync(Path.Combine(fixture.Root, example), "Cargo.toml"));
        }
    }

    private static async Task ShouldBeWhatCargoWritesAsync(string skeleton)
    {
        var lockPath = Path.Combine(skeleton, "Cargo.lock");
        var masked = await File.ReadAllTextAsync(lockPath);
        await CargoMetadata.RunAsync(skeleton, "update", "--workspace", "--offline");
        (await File.ReadAllTextAsync(lockPath)).ShouldBe(masked, "cargo rewrote the masked lockfile");
    }
}
