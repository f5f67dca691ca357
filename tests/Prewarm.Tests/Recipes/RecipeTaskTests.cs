using Prewarm.Cake;
using Prewarm.Core.Recipes;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>The Recipe and Cook tasks run for real through the host.</summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class RecipeTaskTests
{
    [Test]
    public void Recipe_on_the_bundled_example_writes_recipe_skeleton_environment_and_warmup_tiers_identically_twice()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");

        var first = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={tree["artifacts"]}");
        first.Code.ShouldBe(0, first.Output);
        var recipeDirectory = Path.Combine(tree["artifacts"], "recipes", "shop");
        var recipe = RecipeJson.Deserialize(File.ReadAllText(Path.Combine(recipeDirectory, "recipe.json")), "recipe.json");
        recipe.Manifests.Select(m => m.RelativePath).ShouldBe(["Cargo.toml", "apps/server/Cargo.toml", "crates/domain/Cargo.toml", "crates/storage/Cargo.toml"]);
        recipe.LockFile.ShouldNotBeNull().ShouldContain("name = \"shop-domain\"\nversion = \"0.0.1\"\n");
        File.ReadAllText(Path.Combine(recipeDirectory, "skeleton", "apps", "server", "src", "main.rs")).ShouldBe(DummySources.Main);
        var environment = BuildEnvironment.FromJson(File.ReadAllText(Path.Combine(recipeDirectory, "build-env.json")), "build-env.json");
        environment.Toolchain.ShouldContain("rustc 1.95");
        environment.RecipeSha256.ShouldBe(RecipeJson.Sha256(File.ReadAllText(Path.Combine(recipeDirectory, "recipe.json"))));
        foreach (var tier in new[] { "core", "web", "db" })
        {
            File.Exists(Path.Combine(tree["artifacts"], "warmup", tier, "Cargo.toml")).ShouldBeTrue(tier);
            File.Exists(Path.Combine(tree["artifacts"], "warmup", tier, "Cargo.lock")).ShouldBeTrue(tier);
        }

        var before = Snapshot(tree["artifacts"]);
        Run("--target=Recipe", "--exclusive", $"--repo={shop}", $"--artifacts={tree["artifacts"]}").Code.ShouldBe(0);
        Snapshot(tree["artifacts"]).ShouldBe(before);
    }

    [Test]
    public void Recipe_records_the_toolchain_a_nested_workspace_pins_as_it_records_the_root_one()
    {
        // tools/ is a workspace of its own pinning a toolchain (rustup's `path` form, here a stand-in rustc
        // that prints an identity of its own): its builds use that toolchain, so build-env.json records it
        // for tools/, and the root's toolchain stays the one at the root.
        using var tree = new TemporaryTree();
        tree.Write("toolchain/bin/rustc", "#!/bin/sh\nprintf 'rustc 1.99.0-pinned (0000000 2099-01-01)\\nhost: x86_64-unknown-linux-gnu\\n'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tree["toolchain/bin/rustc"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        tree.Write("repo/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        tree.Write("repo/src/lib.rs", "");
        tree.Write("repo/tools/Cargo.toml", "[package]\nname = \"gen\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n");
        tree.Write("repo/tools/src/main.rs", "fn main() {}\n");
        tree.Write("repo/tools/rust-toolchain.toml", $"[toolchain]\npath = \"{tree["toolchain"]}\"\n");

        var result = Run("--target=Recipe", $"--repo={tree["repo"]}", $"--artifacts={tree["artifacts"]}");

        result.Code.ShouldBe(0, result.Output);
        var environment = BuildEnvironment.FromJson(File.ReadAllText(Path.Combine(tree["artifacts"], "recipes", "repo", "build-env.json")), "build-env.json");
        environment.Toolchain.ShouldContain("rustc 1.95");
        environment.NestedToolchains.ShouldBe(new Dictionary<string, string> { ["tools"] = "rustc 1.99.0-pinned (0000000 2099-01-01)\nhost: x86_64-unknown-linux-gnu" });
    }

    [Test]
    public void Recipe_rejects_an_unknown_package_and_writes_nothing()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");

        var result = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={tree["artifacts"]}", "--package=nope");

        result.Code.ShouldNotBe(0);
        result.Output.ShouldContain("--package nope");
        Directory.Exists(Path.Combine(tree["artifacts"], "recipes")).ShouldBeFalse();
    }

    [Test]
    public void Recipe_refuses_an_artifacts_directory_inside_a_package()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");

        var result = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={Path.Combine(shop, "crates", "domain", "src", "out")}");

        result.Code.ShouldNotBe(0);
        result.Output.ShouldContain("inside the sources");
        Directory.Exists(Path.Combine(shop, "crates", "domain", "src", "out", "recipes")).ShouldBeFalse();
    }

    [Test]
    public void Cook_without_a_recipe_names_the_missing_file_and_the_task_that_makes_it()
    {
        using var tree = new TemporaryTree();
        var repo = tree.CopyFixture("multi");

        var result = Run("--target=Cook", "--exclusive", $"--repo={repo}", $"--artifacts={tree["artifacts"]}");

        result.Code.ShouldNotBe(0);
        result.Output.ShouldContain("recipe.json: not found; the Recipe task writes it (run --target=Recipe, or drop --exclusive)");
    }

    [Test]
    public async Task Cook_through_the_host_leaves_the_real_build_only_the_local_crates_to_compile_and_reports_drift()
    {
        using var tree = new TemporaryTree();
        var repo = tree.CopyFixture("multi");
        var targetDirectory = tree["target"];

        Run("--target=Recipe", $"--repo={repo}", $"--artifacts={tree["artifacts"]}").Code.ShouldBe(0);
        var cook = Run("--target=Cook", "--exclusive", $"--repo={repo}", $"--artifacts={tree["artifacts"]}", $"--target-dir={targetDirectory}", "--offline");
        cook.Code.ShouldBe(0, cook.Output);
        cook.Output.ShouldNotContain("drift");

        var build = await CargoProcess.RunAsync(repo, ["build", "--offline", "--locked", "--workspace", "--target-dir", targetDirectory, "--message-format=json"]);
        var artifacts = BuildMessages.Parse(build.StandardOutput);
        artifacts.Where(a => a.IsExternal).ShouldNotBeEmpty();
        artifacts.Where(a => a.IsExternal && !a.Fresh).ShouldBeEmpty();
        artifacts.Where(a => !a.IsExternal && !CookTests.IsPatched(a)).ShouldAllBe(a => !a.Fresh);
        artifacts.Where(CookTests.IsPatched).ShouldAllBe(a => a.Fresh);

        // The recipe was made for the dev profile: cooking it for release is another build, refused naming the option.
        var drifted = Run("--target=Cook", "--exclusive", $"--repo={repo}", $"--artifacts={tree["artifacts"]}", $"--target-dir={targetDirectory}", "--offline", "--release");
        drifted.Code.ShouldNotBe(0, drifted.Output);
        drifted.Output.ShouldContain("recipe-manifest.json: stale (--profile: made for dev, this run builds release); the Recipe task writes it again (run --target=Recipe, or drop --exclusive)");
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var host = new TestHost();
        host.Host.UsePrewarm();
        var code = host.Run(args);
        return (code, host.Output);
    }

    private static IReadOnlyList<string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(directory, f)} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();
}
