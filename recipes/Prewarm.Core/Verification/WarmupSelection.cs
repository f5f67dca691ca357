using Prewarm.Core.Warmup;

namespace Prewarm.Core.Verification;

/// <summary>The crates the Recipe task selected into the warmup tiers, by tier, as it recorded them (<c>warmup/tiers.json</c>).</summary>
public static class WarmupSelection
{
    /// <summary>Tier → selected crate names, tiers in ordinal order; empty when Recipe has not run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string warmupRoot) => WarmupTierList.ReadSelection(warmupRoot);
}
