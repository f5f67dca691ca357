using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Tests.Recipes;

/// <summary>Which builds cook a skeleton, and what Cook needs from the Recipe task, on plain inputs.</summary>
[TestFixture]
public sealed class CookPlanTests
{
    private static readonly CookOptions Options = new() { TargetDirectory = "/t" };

    private static Recipe RecipeOf(params (string Path, string Contents)[] manifests) =>
        new() { Manifests = manifests.Select(m => new RecipeManifest(m.Path, m.Contents, [])).ToList() };

    [Test]
    public void A_root_manifest_is_the_one_build()
    {
        var recipe = RecipeOf(("Cargo.toml", "[workspace]\nmembers = [\"a\"]\n"), ("a/Cargo.toml", "[package]\nname = \"a\"\n"), ("fuzz/Cargo.toml", "[workspace]\n"));

        CookPlan.RootManifests(recipe, "/s").ShouldBe([Path.Combine("/s", "Cargo.toml")]);
    }

    [Test]
    public void Without_a_root_manifest_every_workspace_root_is_built()
    {
        var recipe = RecipeOf(("api/Cargo.toml", "[workspace]\nmembers = [\"x\"]\n"), ("api/x/Cargo.toml", "[package]\nname = \"x\"\n"), ("tools/Cargo.toml", "[workspace]\n"));

        CookPlan.RootManifests(recipe, "/s").ShouldBe([Path.Combine("/s", "api/Cargo.toml"), Path.Combine("/s", "tools/Cargo.toml")]);
    }

    [Test]
    public void Nothing_to_build_is_one_line()
    {
        Should.Throw<PrewarmException>(() => CookPlan.RootManifests(RecipeOf(("a/Cargo.toml", "[package]\nname = \"a\"\n")), "/s"))
            .Message.ShouldBe("/s: no Cargo.toml at the root and no workspace root to build");
    }

    [Test]
    public void A_step_is_locked_where_the_skeleton_has_a_lockfile()
    {
        using var skeleton = new TemporaryDirectory("prewarm-cook-plan-");
        Directory.CreateDirectory(Path.Combine(skeleton.Path, "api"));
        Directory.CreateDirectory(Path.Combine(skeleton.Path, "tools"));
        File.WriteAllText(Path.Combine(skeleton.Path, "api", "Cargo.lock"), "version = 3\n");
        var recipe = RecipeOf(("api/Cargo.toml", "[workspace]\n"), ("tools/Cargo.toml", "[workspace]\n"));

        var steps = CookPlan.Steps(recipe, skeleton.Path, Options);

        steps.Select(s => (Path.GetRelativePath(skeleton.Path, s.WorkingDirectory), s.Locked)).ShouldBe([("api", true), ("tools", false)]);
    }

    [TestCase("dev", "--workspace")]
    [TestCase("release", "--release --workspace")]
    [TestCase("ci", "--profile \"ci\" --workspace")]
    public void A_step_builds_the_recipes_build_identity(string profile, string expected)
    {
        var step = new CookStep("/s/Cargo.toml", Options with { Build = new BuildIdentity { Profile = profile } }, Locked: false);

        CargoArguments.For(CookBuild.Settings(step)).Render().ShouldBe($"build {expected} --target-dir \"/t\" --manifest-path \"/s/Cargo.toml\"");
        CargoArguments.For(CookBuild.Settings(step with { Options = Options with { Build = new BuildIdentity { Bins = ["shop"] } } })).Render()
            .ShouldBe("build --bin \"shop\" --target-dir \"/t\" --manifest-path \"/s/Cargo.toml\"");
    }

    [Test]
    public void Missing_recipe_artifacts_name_the_recipe_task()
    {
        using var artifacts = new TemporaryDirectory("prewarm-cook-inputs-");
        var layout = new ArtifactsLayout(artifacts.Path);

        Should.Throw<PrewarmException>(() => CookInputs.Read(layout, "shop", new BuildIdentity())).Message
            .ShouldBe($"{layout.Recipe("shop")}: not found; the Recipe task writes it (run --target=Recipe, or drop --exclusive)");
    }
}
