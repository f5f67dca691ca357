namespace Prewarm.Core.Verification;

/// <summary>The pass marks: the seed's targets are an 80 % sccache hit rate and 95 % of dependency units reused.</summary>
public sealed record VerificationThresholds(double MinHitRatePercent = 80, double MinFreshSharePercent = 95);
