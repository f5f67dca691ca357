namespace Prewarm.Cake.Tools.Sccache;

/// <summary><c>sccache --show-stats [--stats-format=json]</c>.</summary>
public sealed class SccacheShowStatsSettings : SccacheSettings
{
    public SccacheStatsFormat Format { get; set; } = SccacheStatsFormat.Json;
}
