using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>Cooks the skeleton of a multi-crate fixture with real cargo on the offline registry and
/// checks what matters: the real build afterwards compiles no external dependency again.</summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class CookTests
{
    [Test]
    public async Task After_cook_the_real_build_finds_every_external_unit_fresh_until_a_dependency_changes()
    {
        using var tree = new TemporaryTree();
        var repo = tree.CopyFixture("multi");
        var options = new CookOptions { TargetDirectory = tree["target"], Offline = true };

        var recipe = await WriteRecipeAsync(repo, tree["artifacts"]);
        await CookAsync(tree["artifacts"], options, recipe);

        var first = await BuildAsync(repo, options);
        first.Where(a => a.IsExternal).ShouldNotBeEmpty();
        first.Where(a => a.IsExternal && !a.Fresh).ShouldBeEmpty("external units compiled again after cook");
        first.Where(a => !a.IsExternal && !IsPatched(a)).ShouldAllBe(a => !a.Fresh, "local units must be rebuilt from the real sources");
        first.Where(IsPatched).ShouldAllBe(a => a.Fresh, "the [patch] crate was cooked from its real sources");

        // A source change: the recipe stays byte-identical and no dependency is compiled again.
        tree.Replace("repo/crates/util/src/lib.rs", "values.iter()", "values.iter().rev()");
        var again = await WriteRecipeAsync(repo, tree["artifacts2"]);
        again.ShouldBe(recipe);
        var afterEdit = await BuildAsync(repo, options);
        afterEdit.Where(a => a.IsExternal && !a.Fresh).ShouldBeEmpty();
        afterEdit.ShouldContain(a => a.Target.EndsWith("fixture_util", StringComparison.Ordinal) && !a.Fresh);

        // A dependency change: the recipe changes and cargo compiles the changed dependency.
        tree.Replace("repo/crates/util/Cargo.toml", "features = [\"std\"]", "features = [\"std\", \"use_std\"]");
        await CargoProcess.RunAsync(repo, ["metadata", "--format-version", "1", "--offline"]);
        var changed = await WriteRecipeAsync(repo, tree["artifacts3"]);
        changed.ShouldNotBe(recipe);
        var afterDependencyChange = await BuildAsync(repo, options);
        afterDependencyChange.ShouldContain(a => a.IsExternal && !a.Fresh && a.PackageId.Contains("memchr", StringComparison.Ordinal));
    }

    [Test]
    public async Task The_skeleton_resolves_to_the_same_external_packages_as_the_repository()
    {
        using var tree = new TemporaryTree();
        var repo = tree.CopyFixture("multi");
        await WriteRecipeAsync(repo, tree["artifacts"]);
        var skeleton = Path.Combine(RecipeArtifacts.DirectoryFor(tree["artifacts"], "repo"), RecipeArtifacts.SkeletonDirectory);

        var original = await ExternalPackagesAsync(repo);
        var cooked = await ExternalPackagesAsync(skeleton);

        original.ShouldNotBeEmpty();
        cooked.ShouldBe(original);
    }

    /// <summary>The fixture's [patch] path crate (vendor/itoa): a dependency cooked from real sources.</summary>
    internal static bool IsPatched(BuildMessages.Artifact artifact) =>
        artifact.PackageId.Contains("/vendor/itoa#", StringComparison.Ordinal);

    internal static async Task<string> WriteRecipeAsync(string repo, string artifacts)
    {
        var repository = RepositoryScanner.Scan(repo, "repo");
        var recipe = SkeletonBuilder.Build(repository);
        RecipeArtifacts.Write(artifacts, repository, recipe, new BuildEnvironment { Toolchain = "test", Profile = "dev", RecipeSha256 = "" });
        return File.ReadAllText(Path.Combine(RecipeArtifacts.DirectoryFor(artifacts, "repo"), RecipeArtifacts.RecipeFile));
    }

    private static async Task CookAsync(string artifacts, CookOptions options, string recipeJson)
    {
        var skeleton = Path.Combine(RecipeArtifacts.DirectoryFor(artifacts, "repo"), RecipeArtifacts.SkeletonDirectory);
        var recipe = RecipeJson.Deserialize(recipeJson, "recipe.json");
        // The Cook task's own plan and cargo command line.
        var cook = CookBuild.Settings(CookPlan.Steps(recipe, skeleton, options).ShouldHaveSingleItem());
        CargoArguments.For(cook).Render().ShouldBe($"build --workspace --target-dir \"{options.TargetDirectory}\" --manifest-path \"{skeleton}/Cargo.toml\" --locked --offline");
        await CargoProcess.RunAsync(cook);
        DummyArtifacts.Remove(options, recipe.LocalPackages()).ShouldBeGreaterThan(0);
    }

    private static async Task<IReadOnlyList<BuildMessages.Artifact>> BuildAsync(string repo, CookOptions options)
    {
        // The real build repeats cook's switches (here without --locked: the test edits manifests), with cargo's JSON messages.
        var build = CookBuild.Settings(new CookStep(Path.Combine(repo, "Cargo.toml"), options, Locked: false));
        build.MessageFormat = "json";
        CargoArguments.For(build).Render().ShouldBe($"build --workspace --target-dir \"{options.TargetDirectory}\" --message-format \"json\" --manifest-path \"{repo}/Cargo.toml\" --offline");
        var result = await CargoProcess.RunAsync(build);
        return BuildMessages.Parse(result.StandardOutput);
    }

    /// <summary>Registry packages in cargo's resolve of a tree, as "name version".</summary>
    private static async Task<IReadOnlyList<string>> ExternalPackagesAsync(string root)
    {
        var metadata = await CargoProcess.RunAsync(root, ["metadata", "--format-version", "1", "--offline", "--locked"]);
        using var document = System.Text.Json.JsonDocument.Parse(metadata.StandardOutput);
        return document.RootElement.GetProperty("resolve").GetProperty("nodes").EnumerateArray()
            .Where(n => !n.GetProperty("id").GetString()!.StartsWith("path+", StringComparison.Ordinal))
            .Select(n => $"{n.GetProperty("id").GetString()} [{string.Join(",", n.GetProperty("features").EnumerateArray().Select(f => f.GetString()).Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
