namespace Prewarm.Core.Benchmarking;

/// <summary>The wall-clock seconds of every run of one scenario.</summary>
public sealed record BenchmarkMeasurement(BenchmarkScenario Scenario, IReadOnlyList<double> Seconds)
{
    public double Min => Seconds.Min();

    /// <summary>The middle run; the mean of the two middle runs for an even count.</summary>
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
