using System.Text.Json;
using Prewarm.Core.Artifacts;

namespace Prewarm.Core.Recipes;

/// <summary>
/// What the Recipe stage produced for one repository (<c>recipes/&lt;repo-id&gt;/recipe-manifest.json</c>):
/// the build it was made for, the warmup tiers written and what the skeleton holds. The Dockerfile
/// and Image stages read it instead of probing the artifacts again, so the image builds exactly
/// the profile and tiers the recipe (and build-env.json) describe.
/// </summary>
public sealed record RecipeStageManifest
{
    /// <summary>Bumped when the shape changes incompatibly, so readers can refuse an old file.</summary>
    public int FormatVersion { get; init; } = 1;

    public required string RepositoryId { get; init; }

    /// <summary>The cargo profile the recipe was made for; the same as build-env.json's.</summary>
    public required string Profile { get; init; }

    /// <summary>cargo <c>--target</c>, or null for the host.</summary>
    public string? Target { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Warmup tiers under <c>warmup/</c>, in layer order (the most widely shared first).</summary>
    public IReadOnlyList<string> Tiers { get; init; } = [];

    /// <summary>The tiers whose directory carries a Cargo.lock.</summary>
    public IReadOnlyList<string> TierLockfiles { get; init; } = [];

    /// <summary>The skeleton carries a Cargo.lock at its root.</summary>
    public bool SkeletonLockfile { get; init; }

    /// <summary>The skeleton carries the repository's <c>.cargo/config.toml</c>.</summary>
    public bool CargoConfig { get; init; }

    /// <summary>Skeleton directories holding real sources (<c>[patch]</c>/<c>[replace]</c> path packages).</summary>
    public IReadOnlyList<string> PatchedDirectories { get; init; } = [];

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
            return manifest.FormatVersion == 1
                ? manifest
                : throw StageArtifact.Stale(path, $"format version {manifest.FormatVersion}", PipelineTasks.Recipe);
        }
        catch (JsonException e)
        {
            throw StageArtifact.Stale(path, $"not a valid recipe manifest: {e.Message.Split('.')[0]}", PipelineTasks.Recipe);
        }
    }
}
