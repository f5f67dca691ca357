using System.Text.Json;
using Prewarm.Core.Artifacts;

namespace Prewarm.Core.Warmup;

/// <summary>
/// The warmup tiers Recipe wrote, in layer order, recorded beside them (<c>warmup/tiers.json</c>):
/// the tier names come from the catalog or <c>--tiers</c>, so a later stage reads them here
/// instead of assuming a fixed set.
/// </summary>
public static class WarmupTierList
{
    public static string Render(IReadOnlyList<string> tiers) => StageFileJson.Serialize(new Document(tiers));

    /// <summary>The tiers under <paramref name="warmupRoot"/> in layer order; none when Recipe wrote no
    /// warmup directory. Every tier named must have its Cargo.toml.</summary>
    public static IReadOnlyList<string> Read(string warmupRoot)
    {
        if (!Directory.Exists(warmupRoot))
        {
            return [];
        }

        var path = Path.Combine(warmupRoot, ArtifactsLayout.TierListFile);
        if (!File.Exists(path))
        {
            throw StageArtifact.Missing(path, PipelineTasks.Recipe);
        }

        IReadOnlyList<string> tiers;
        try
        {
            tiers = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), StageFileJson.Options)?.Tiers ?? [];
        }
        catch (JsonException e)
        {
            throw StageArtifact.Stale(path, $"not a tier list: {e.Message.Split('.')[0]}", PipelineTasks.Recipe);
        }

        foreach (var tier in tiers)
        {
            if (!WarmupTierName.IsValid(tier) || !File.Exists(Path.Combine(warmupRoot, tier, "Cargo.toml")))
            {
                throw StageArtifact.Stale(path, $"tier '{tier}' has no {Path.Combine(warmupRoot, tier, "Cargo.toml")}", PipelineTasks.Recipe);
            }
        }

        return tiers;
    }

    private sealed record Document(IReadOnlyList<string> Tiers);
}
