namespace Prewarm.Core.Settings;

/// <summary>Verify's thresholds, in percent (numbers: 80 and 97.5 are both valid).</summary>
public sealed record VerifySettings
{
    public double MinHitRate { get; init; } = 80;

    public double MinFreshShare { get; init; } = 95;
}
