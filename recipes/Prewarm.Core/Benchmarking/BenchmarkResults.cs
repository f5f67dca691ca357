using System.Globalization;
using Prewarm.Core.Verification;

namespace Prewarm.Core.Benchmarking;

/// <summary>Collects the timed builds of every run and makes the report: seconds per scenario, and
/// the units of the last warm and subsequent build.</summary>
public sealed class BenchmarkResults
{
    private readonly Dictionary<BenchmarkScenario, List<double>> _seconds = Enum.GetValues<BenchmarkScenario>().ToDictionary(s => s, _ => new List<double>());
    private readonly Dictionary<BenchmarkScenario, UnitFreshness> _lastUnits = [];

    /// <summary>Records a finished build; an untimed one (a preparation) is left out.</summary>
    public void Add(BenchmarkBuild build, double seconds, UnitFreshness units)
    {
        if (build.Timed is { } scenario)
        {
            _seconds[scenario].Add(seconds);
            _lastUnits[scenario] = units;
        }
    }

    public BenchmarkReport Report(string repositoryId, bool release, bool sccache, int runs) =>
        new(repositoryId, $"cargo build --workspace{(release ? " --release" : string.Empty)}", sccache, runs,
            [.. new[] { BenchmarkScenario.Cold, BenchmarkScenario.Warm, BenchmarkScenario.Subsequent }.Select(s => new BenchmarkMeasurement(s, _seconds[s]))])
        {
            WarmUnits = _lastUnits.GetValueOrDefault(BenchmarkScenario.Warm),
            SubsequentUnits = _lastUnits.GetValueOrDefault(BenchmarkScenario.Subsequent),
        };

    /// <summary>The log line for a finished benchmark: the medians and how much shorter than cold.</summary>
    public static string Summary(BenchmarkReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.RepositoryId}: cold {report[BenchmarkScenario.Cold].Median:0.00} s, warm {report[BenchmarkScenario.Warm].Median:0.00} s (-{report.ReductionPercent(BenchmarkScenario.Warm):0.0}%), subsequent {report[BenchmarkScenario.Subsequent].Median:0.00} s (-{report.ReductionPercent(BenchmarkScenario.Subsequent):0.0}%) (medians of {report.Runs} run(s))");
}
