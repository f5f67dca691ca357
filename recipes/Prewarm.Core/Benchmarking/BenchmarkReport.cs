using Prewarm.Core.Verification;

namespace Prewarm.Core.Benchmarking;

/// <summary>
/// One benchmark run: the repository (by id), how the builds were made (<see cref="Command"/>, sccache on or
/// off), and the measurements. Reductions compare medians with the cold build.
/// </summary>
public sealed record BenchmarkReport(
    string RepositoryId,
    string Command,
    bool Sccache,
    int Runs,
    IReadOnlyList<BenchmarkMeasurement> Measurements)
{
    /// <summary>Units of the last warm build: its dependency units should all be fresh, its workspace units not.</summary>
    public UnitFreshness? WarmUnits { get; init; }

    /// <summary>Units of the last subsequent build.</summary>
    public UnitFreshness? SubsequentUnits { get; init; }

    public BenchmarkMeasurement this[BenchmarkScenario scenario] => Measurements.Single(m => m.Scenario == scenario);

    /// <summary>How much shorter than cold the scenario's median is, in percent (negative when slower).</summary>
    public double ReductionPercent(BenchmarkScenario scenario)
    {
        var cold = this[BenchmarkScenario.Cold].Median;
        return cold <= 0 ? 0 : 100.0 * (cold - this[scenario].Median) / cold;
    }
}
