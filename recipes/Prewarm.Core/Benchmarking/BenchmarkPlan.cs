namespace Prewarm.Core.Benchmarking;

/// <summary>
/// The scenarios of one benchmark run, in order. Cold: an empty target directory and cache; then
/// subsequent: the same directory after every workspace source was touched. Warm: the dependencies
/// built first from the stubbed copy into a fresh target directory (like a Docker dependency layer;
/// not timed), then the real build, its sources touched so they are newer than the stubs' outputs,
/// as a COPY after the dependency layer makes them (otherwise cargo would keep the stub binaries).
/// </summary>
public static class BenchmarkPlan
{
    /// <param name="run">1-based.</param>
    /// <param name="runs">How many runs there are.</param>
    /// <param name="repositoryId">Names the repository in labels.</param>
    /// <param name="runDirectory">This run's scratch directory (target directories and caches).</param>
    public static IReadOnlyList<BenchmarkPhase> Run(int run, int runs, string repositoryId, string runDirectory)
    {
        var prefix = $"[{run}/{runs}] {repositoryId}:";
        return
        [
            new BenchmarkPhase(Path.Combine(runDirectory, "cold-target"), Path.Combine(runDirectory, "cold-sccache"),
            [
                new BenchmarkBuild($"{prefix} cold", $"{prefix} cold build", BenchmarkScenario.Cold, TouchSources: false, FromStubs: false),
                new BenchmarkBuild($"{prefix} subsequent", $"{prefix} subsequent build (sources touched)", BenchmarkScenario.Subsequent, TouchSources: true, FromStubs: false),
            ]),
            new BenchmarkPhase(Path.Combine(runDirectory, "warm-target"), Path.Combine(runDirectory, "warm-sccache"),
            [
                new BenchmarkBuild($"{prefix} dependencies (not timed)", $"{prefix} building the dependencies from the stubbed workspace (not timed)", null, TouchSources: false, FromStubs: true),
                new BenchmarkBuild($"{prefix} warm", $"{prefix} warm build", BenchmarkScenario.Warm, TouchSources: true, FromStubs: false),
            ]),
        ];
    }
}
