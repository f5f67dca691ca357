using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>Benchmark: runs per measurement.</summary>
public sealed record BenchmarkSettings
{
    public int Runs { get; init; } = OptionCatalog.Runs.Value;
}
