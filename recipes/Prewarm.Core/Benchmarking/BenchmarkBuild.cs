using System.Globalization;
using Prewarm.Core.Verification;

namespace Prewarm.Core.Benchmarking;

/// <summary>
/// One build of a benchmark run. <see cref="Timed"/> is the scenario its time counts for (null: a
/// preparation, not timed). <see cref="TouchSources"/>: the repository's sources are marked edited
/// first. <see cref="FromStubs"/>: the stubbed copy is built (the dependency layer), not the repository.
/// </summary>
public sealed record BenchmarkBuild(string Label, string Status, BenchmarkScenario? Timed, bool TouchSources, bool FromStubs)
{
    /// <summary>The log line for the finished build.</summary>
    public string Describe(double seconds, UnitFreshness units) => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: {seconds:0.00} s (dependency units fresh {units.FreshDependencyUnits}/{units.DependencyUnits}, workspace units fresh {units.FreshWorkspaceUnits}/{units.WorkspaceUnits})");
}
