using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>The warmup plan for scanned repositories, computed once per process: Scan's frequency report
/// and Recipe's tiers ask for the same plan (the demand behind it resolves every registry dependency of
/// every package against its lockfile). The last plan is kept with what it was computed from — the options
/// instance and, per repository, its id and the very package and lockfile lists — so Recipe, given the
/// repositories Scan handed on (<see cref="Scanning.ScanHandoff"/>) and the same options, reuses it; any
/// other input (repositories read back from another process's scan.json, other options) is planned anew.</summary>
public static class WarmupPlans
{
    // One reference, replaced whole: key and plan always belong together, even across threads.
    private static Tuple<WarmupOptions, (string Id, object Packages, object Lockfiles)[], WarmupPlan>? _last;

    public static WarmupPlan For(IReadOnlyList<CargoRepository> repositories, WarmupOptions options)
    {
        var key = repositories.Select(r => (r.Id, (object)r.Packages, (object)r.Lockfiles)).ToArray();
        if (_last is { } last && ReferenceEquals(last.Item1, options) && Same(last.Item2, key))
        {
            return last.Item3;
        }

        var plan = WarmupPlanner.Decide(WarmupDemand.From(repositories, options), options, repositories.Count);
        _last = Tuple.Create(options, key, plan);
        return plan;
    }

    private static bool Same((string Id, object Packages, object Lockfiles)[] a, (string Id, object Packages, object Lockfiles)[] b) =>
        a.Length == b.Length
        && a.Zip(b).All(p => string.Equals(p.First.Id, p.Second.Id, StringComparison.Ordinal)
            && ReferenceEquals(p.First.Packages, p.Second.Packages)
            && ReferenceEquals(p.First.Lockfiles, p.Second.Lockfiles));
}
