using System.Runtime.CompilerServices;
using Cake.Core.Diagnostics;
using Prewarm.Core;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
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

    public static WarmupStage Plan(PrewarmContext context, IReadOnlyList<CargoRepository> repositories)
    {
        var options = Options(context);
        // The plan Scan's frequency report made, when Scan ran in this process on these repositories.
        var plan = WarmupPlans.For(repositories, options);
        var crates = plan.Crates;
        var files = WarmupFiles.Render(crates);
        files[ArtifactsLayout.TierListFile] = WarmupTierList.Render(crates);
        return new WarmupStage(crates, plan.FromLockfiles, files);
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

    /// <summary>The catalog (<c>--tiers</c>), <c>--tier-max-crates</c>, <c>--tier-timings</c> and <c>--rust-target</c>:
    /// the same for the Recipe task's tiers and the Scan task's frequency report.</summary>
    /// <remarks>One instance per context, so Recipe finds the plan Scan made (<see cref="WarmupPlans"/>).</remarks>
    public static WarmupOptions Options(PrewarmContext context) => OptionsOf.GetValue(context, Read);

    private static readonly ConditionalWeakTable<PrewarmContext, WarmupOptions> OptionsOf = new();

    private static WarmupOptions Read(PrewarmContext context)
    {
        var recipe = context.Settings.Recipe;
        return WarmupOptions.For(Catalog(recipe.TiersFile), recipe.TierMaxCrates, context.Settings.Shared.Build.Target) with
        {
            Timings = recipe.TierTimings.Aggregate(CompileTimes.None, (times, path) => times.Merge(File.Exists(path)
                ? CompileTimes.ParseTimingReport(File.ReadAllText(path), path)
                : throw new PrewarmException($"{path}: timings report not found (--tier-timings)"))),
        };
    }

    private static WarmupCatalog Catalog(string? file)
    {
        if (file is null)
        {
            return WarmupCatalog.Default;
        }

        if (!File.Exists(file))
        {
            throw new PrewarmException($"{file}: tiers file not found (--tiers)");
        }

        return WarmupCatalog.Parse(File.ReadAllText(file), file);
    }
}
