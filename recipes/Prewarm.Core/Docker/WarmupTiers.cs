namespace Prewarm.Core.Docker;

/// <summary>The warmup tiers, in the order their layers are stacked: the most widely shared first,
/// so a change in a later tier never invalidates an earlier one.</summary>
public static class WarmupTiers
{
    public static IReadOnlyList<string> Ordered { get; } = ["core", "web", "db"];

    /// <summary>The tiers present under <paramref name="warmupRoot"/> (a directory per tier with a
    /// Cargo.toml), in layer order; unknown directory names are rejected rather than ignored.</summary>
    public static IReadOnlyList<string> Present(string warmupRoot)
    {
        if (!Directory.Exists(warmupRoot))
        {
            return [];
        }

        var unknown = Directory.EnumerateDirectories(warmupRoot)
            .Select(Path.GetFileName)
            .Where(name => !Ordered.Contains(name!, StringComparer.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new PrewarmException($"{Path.Combine(warmupRoot, unknown[0]!)}: unknown warmup tier (expected {string.Join(", ", Ordered)}).");
        }

        return Ordered.Where(tier => File.Exists(Path.Combine(warmupRoot, tier, "Cargo.toml"))).ToList();
    }
}
