using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>Verify's thresholds, in percent (numbers: 80 and 97.5 are both valid).</summary>
public sealed record VerifySettings
{
    public double MinHitRate { get; init; } = OptionCatalog.MinHitRate.Value;

    public double MinFreshShare { get; init; } = OptionCatalog.MinFreshShare.Value;

    /// <summary>Least share of dependency units the organisation builder image must supply (0: not checked).</summary>
    public double MinBuilderShare { get; init; }
}
