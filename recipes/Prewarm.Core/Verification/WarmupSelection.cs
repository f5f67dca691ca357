namespace Prewarm.Core.Verification;

/// <summary>The crates the Recipe task selected into the warmup tiers (<c>warmup/&lt;tier&gt;/Cargo.toml</c>), by tier.</summary>
public static class WarmupSelection
{
    /// <summary>Tier → selected crate names, tiers in ordinal order; empty when Recipe has not run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string warmupRoot)
    {
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(warmupRoot))
        {
            return result;
        }

        foreach (var tier in Directory.GetDirectories(warmupRoot).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(tier, "Cargo.toml");
            if (File.Exists(manifest))
            {
                result[Path.GetFileName(tier)] = WarmupManifestReader.SelectedCrates(File.ReadAllText(manifest), manifest);
            }
        }

        return result;
    }
}
