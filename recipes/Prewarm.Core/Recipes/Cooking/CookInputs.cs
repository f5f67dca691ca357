using Prewarm.Core.Artifacts;

namespace Prewarm.Core.Recipes.Cooking;

/// <summary>What the Recipe task left for one repository's cook: the recipe, the environment it was
/// made for, the build it records (<see cref="Build"/>) and the skeleton directory. A missing one names the Recipe task.</summary>
public sealed record CookInputs(Recipe Recipe, string RecipeSha256, BuildEnvironment Recorded, string EnvironmentFile, string Skeleton, BuildIdentity Build)
{
    /// <summary>Reads the inputs; a recipe made for another build than <paramref name="run"/> is refused, naming the option.</summary>
    public static CookInputs Read(ArtifactsLayout layout, string repositoryId, BuildIdentity run)
    {
        var recipeFile = StageArtifact.Require(layout.Recipe(repositoryId), PipelineTasks.Recipe);
        var environmentFile = StageArtifact.Require(layout.BuildEnvironment(repositoryId), PipelineTasks.Recipe);
        var skeleton = StageArtifact.Require(layout.Skeleton(repositoryId), PipelineTasks.Recipe);
        var build = RecipeStageManifest.Read(layout.RecipeManifest(repositoryId)).RequireBuild(run, layout.RecipeManifest(repositoryId)).Build;
        var text = File.ReadAllText(recipeFile);
        return new CookInputs(
            RecipeJson.Deserialize(text, recipeFile),
            RecipeJson.Sha256(text),
            BuildEnvironment.FromJson(File.ReadAllText(environmentFile), environmentFile),
            environmentFile,
            skeleton,
            build);
    }

    /// <summary>How this build's environment differs from the one the recipe was made for, one line each.</summary>
    public IReadOnlyList<string> Drift(BuildEnvironment current) => Recorded.DriftFrom(current with { RecipeSha256 = RecipeSha256 });
}
