using System.Text.Json;
using Prewarm.Core.Artifacts;

namespace Prewarm.Core.Recipes;

/// <summary>
/// What the Recipe stage produced for one repository (<c>recipes/&lt;repo-id&gt;/recipe-manifest.json</c>):
/// the build it was made for (<see cref="Build"/>: profile, target, feature switches, selection) and
/// what the skeleton holds. The Dockerfile and Image stages read it instead of probing the artifacts
/// again, so the image builds exactly what the recipe (and build-env.json) describe. The warmup tiers
/// are recorded once, in <c>warmup/tiers.json</c> (<see cref="Warmup.WarmupTierList"/>).
/// </summary>
public sealed record RecipeStageManifest
{
    public const int CurrentFormat = 2;

    /// <summary>Bumped when the shape changes incompatibly, so readers can refuse an old file
    /// (2: the build identity under <c>build</c>, no tier list).</summary>
    public int FormatVersion { get; init; } = CurrentFormat;

    public required string RepositoryId { get; init; }

    /// <summary>The build the recipe was made for; build-env.json records the same profile, target and features.</summary>
    public required BuildIdentity Build { get; init; }

    /// <summary>The skeleton carries a Cargo.lock at its root.</summary>
    public bool SkeletonLockfile { get; init; }

    /// <summary>The skeleton carries the repository's <c>.cargo/config.toml</c>.</summary>
    public bool CargoConfig { get; init; }

    /// <summary>Skeleton directories holding real sources (<c>[patch]</c>/<c>[replace]</c> path packages).</summary>
    public IReadOnlyList<string> PatchedDirectories { get; init; } = [];

    /// <summary>A member-scoped recipe: the repository directories the real build needs (the selection's
    /// path-dependency closure and the patched packages); the workspace roots and lockfiles for them are in
    /// <c>sources/</c> beside this file. Null: the whole repository.</summary>
    public IReadOnlyList<string>? SourceDirectories { get; init; }

    public required string RecipeSha256 { get; init; }

    public string ToJson() => StageFileJson.Serialize(this);

    /// <summary>Reads the manifest; a missing or unreadable one names the Recipe task.</summary>
    public static RecipeStageManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw StageArtifact.Missing(path, PipelineTasks.Recipe);
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<RecipeStageManifest>(File.ReadAllText(path), StageFileJson.Options)
                ?? throw StageArtifact.Stale(path, "empty", PipelineTasks.Recipe);
            return manifest.FormatVersion == CurrentFormat
                ? manifest
                : throw StageArtifact.Stale(path, $"format version {manifest.FormatVersion}", PipelineTasks.Recipe);
        }
        catch (JsonException e)
        {
            throw StageArtifact.Stale(path, $"not a valid recipe manifest: {e.Message.Split('.')[0]}", PipelineTasks.Recipe);
        }
    }

    /// <summary>Refuses a recipe made for another build than <paramref name="run"/>: one line naming the
    /// option that differs and the Recipe task to rerun.</summary>
    public RecipeStageManifest RequireBuild(BuildIdentity run, string path) =>
        Build.Difference(run) is { } difference
            ? throw StageArtifact.Stale(path, difference, PipelineTasks.Recipe)
            : this;
}
