using System.Text.Json;
using Prewarm.Core.Artifacts;

namespace Prewarm.Core.Warmup;

/// <summary>
/// The warmup tiers Recipe wrote, in layer order, recorded beside them (<c>warmup/tiers.json</c>),
/// with the crates each tier's manifest selects: the tier names come from the catalog or
/// <c>--tiers</c>, so a later stage reads them here instead of assuming a fixed set, and Verify and
/// the organisation builder read the selection here instead of parsing the manifests Recipe rendered.
/// </summary>
public static class WarmupTierList
{
    public static string Render(IReadOnlyList<WarmupCrate> crates) => StageFileJson.Serialize(new Document(
        crates.Select(c => c.Tier).ToList(),
        crates.ToDictionary(c => c.Tier, c => Selected(c), StringComparer.Ordinal)));

    /// <summary>The package names a tier's manifest depends on (a renamed second major line counts by its package).</summary>
    public static IReadOnlyList<string> Selected(WarmupCrate crate) =>
        crate.Dependencies.Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Tier → the crates it selects, tiers in ordinal order; empty when Recipe wrote no warmup directory.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadSelection(string warmupRoot)
    {
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(warmupRoot))
        {
            return result;
        }

        var document = ReadDocument(warmupRoot, out var path);
        foreach (var tier in document.Tiers)
        {
            result[tier] = document.Crates?.GetValueOrDefault(tier)
                ?? throw StageArtifact.Stale(path, $"tier '{tier}' lists no crates (written before tiers.json recorded them)", PipelineTasks.Recipe);
        }

        return result;
    }

    /// <summary>The tiers under <paramref name="warmupRoot"/> in layer order; none when Recipe wrote no
    /// warmup directory. Every tier named must have its Cargo.toml.</summary>
    public static IReadOnlyList<string> Read(string warmupRoot) =>
        Directory.Exists(warmupRoot) ? ReadDocument(warmupRoot, out _).Tiers : [];

    private static Document ReadDocument(string warmupRoot, out string path)
    {
        path = Path.Combine(warmupRoot, ArtifactsLayout.TierListFile);
        if (!File.Exists(path))
        {
            throw StageArtifact.Missing(path, PipelineTasks.Recipe);
        }

        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), StageFileJson.Options) ?? new Document([], null);
        }
        catch (JsonException e)
        {
            throw StageArtifact.Stale(path, $"not a tier list: {e.Message.Split('.')[0]}", PipelineTasks.Recipe);
        }

        foreach (var tier in document.Tiers)
        {
            if (!WarmupTierName.IsValid(tier) || !File.Exists(Path.Combine(warmupRoot, tier, "Cargo.toml")))
            {
                throw StageArtifact.Stale(path, $"tier '{tier}' has no {Path.Combine(warmupRoot, tier, "Cargo.toml")}", PipelineTasks.Recipe);
            }
        }

        return document;
    }

    /// <summary>Tiers in layer order; Crates: tier → the crates its manifest selects (absent in files written before it was recorded).</summary>
    private sealed record Document(IReadOnlyList<string> Tiers, IReadOnlyDictionary<string, IReadOnlyList<string>>? Crates);
}
