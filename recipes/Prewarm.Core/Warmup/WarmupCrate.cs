namespace Prewarm.Core.Warmup;

/// <summary>One tier's warmup crate: everything it compiles, its own tier's picks and those of the
/// tiers below (cumulative), so building it alone compiles the same units the projects need.</summary>
public sealed record WarmupCrate(string Tier, IReadOnlyList<CrateDemand> Dependencies)
{
    public string PackageName => $"prewarm-warmup-{Tier}";
}
