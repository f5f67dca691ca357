namespace Prewarm.Core.Verification;

/// <summary>The pass marks: the seed's targets are an 80 % sccache hit rate and 95 % of dependency units reused.
/// <see cref="MinBuilderSharePercent"/>: the share of a repository's dependency units its builder image
/// supplied (0: reported, not held).</summary>
public sealed record VerificationThresholds(double MinHitRatePercent = 80, double MinFreshSharePercent = 95, double MinBuilderSharePercent = 0);
