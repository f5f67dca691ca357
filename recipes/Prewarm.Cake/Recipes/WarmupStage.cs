using Prewarm.Core.Artifacts;
using Prewarm.Core.Scanning;
using Prewarm.Core.IO;
using Prewarm.Core.Recipes;
using Prewarm.Core.Services;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake.Recipes;

/// <summary>The Recipe task's second output: the layered warmup crates under <c>warmup/</c>,
/// chosen from the scanned repositories' dependencies (or the catalog alone when they have none),
/// with <c>tiers.json</c> recording their names in layer order.</summary>
internal sealed class WarmupStage
{
    private readonly IReadOnlyList<WarmupCrate> _crates;
    private readonly bool _fromLockfiles;

    private WarmupStage(IReadOnlyList<WarmupCrate> crates, bool fromLockfiles, SortedDictionary<string, string> files)
    {
        _crates = crates;
        _fromLockfiles = fromLockfiles;
        Files = files;
    }

    /// <summary>Files relative to <c>warmup/</c>.</summary>
    public SortedDictionary<string, string> Files { get; }

    /// <summary>The tiers of <paramref name="scan"/>'s plan, the one Scan's frequency report shows; for a
    /// member-scoped build (<c>--package</c>, <c>--bin</c>) planned anew from the selection's closure only.</summary>
    public static WarmupStage Plan(ScanResult scan, RecipeOptions selection)
    {
        var plan = selection.IsFiltered
            ? WarmupPlanner.Decide([.. scan.Repositories.Select(r => MemberScope.Of(r, selection))], scan.Warmup)
            : scan.WarmupPlan;
        return From(plan);
    }

    private static WarmupStage From(WarmupPlan plan)
    {
        var crates = plan.Crates;
        var files = WarmupFiles.Render(crates);
        files[ArtifactsLayout.TierListFile] = WarmupTierList.Render(crates);
        return new WarmupStage(crates, plan.FromLockfiles, files);
    }

    /// <summary>The tiers the services' images share: planned from the crates every service's closure builds
    /// (<see cref="SharedWarmup"/>), so the tier steps are the same in every service's Dockerfile.</summary>
    public static WarmupStage PlanShared(ScanResult scan, IReadOnlyList<BuildUnit> services)
    {
        var scopes = services.Select(unit => MemberScope.Of(scan.Repositories.First(r => r.Id == unit.RepositoryId), unit.Build.Selection()) with { Id = unit.Id }).ToList();
        var plan = SharedWarmup.Decide(scopes, scan.Warmup);
        return From(plan);
    }

    public void Write(PrewarmContext context)
    {
        var directory = context.Layout.WarmupRoot;
        DirectoryTree.Replace(directory, Files);
        foreach (var crate in _crates)
        {
            context.Log.Information(
                "Warmup {0}: {1} crates ({2}) -> {3}",
                crate.Tier,
                crate.Dependencies.Count,
                _fromLockfiles ? "from the scanned lockfiles" : "catalog defaults, nothing scanned",
                context.Layout.WarmupTier(crate.Tier));
        }
    }
}
