using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>
/// The warmup tiers several images share (the services of one repository): planned only from crates
/// that every image's closure builds, so each image's tier layers hold only crates of its own closure,
/// and the tier steps are the same for every image, built once and then CACHED.
/// </summary>
public static class SharedWarmup
{
    /// <summary>The shared plan for <paramref name="scopes"/>: each image's view of the repository (its closure), under an id of its own.</summary>
    public static WarmupPlan Decide(IReadOnlyList<CargoRepository> scopes, WarmupOptions options)
    {
        var shared = WarmupDemand.From(scopes, options).Where(d => d.Built && d.Repositories == scopes.Count).ToList();
        // No crate in common: no tiers (the planner would fall back to the catalog's, which no lockfile pins).
        return shared.Count == 0 ? new WarmupPlan([], [], FromLockfiles: true) : WarmupPlanner.Decide(shared, options, scopes.Count);
    }
}
