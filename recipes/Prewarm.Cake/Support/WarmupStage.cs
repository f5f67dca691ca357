using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Warmup;
using Path = System.IO.Path;

namespace Prewarm.Cake.Support;

/// <summary>The Recipe task's second output: the layered warmup crates under <c>warmup/</c>,
/// chosen from the scanned repositories' dependencies (or the catalog alone when they have none).</summary>
internal static class WarmupStage
{
    public static void Write(ICakeContext context, DirectoryPath artifacts, IReadOnlyList<CargoRepository> repositories)
    {
        var options = Options(context);
        var demand = WarmupDemand.From(repositories, options);
        var crates = WarmupPlanner.Decide(demand, options, repositories.Count).Crates;
        var directory = artifacts.Combine("warmup").FullPath;
        DirectoryTree.Replace(directory, WarmupFiles.Render(crates));
        foreach (var crate in crates)
        {
            context.Log.Information(
                "Warmup {0}: {1} crates ({2}) -> {3}",
                crate.Tier,
                crate.Dependencies.Count,
                demand.Count > 0 ? "from the scanned lockfiles" : "catalog defaults, nothing scanned",
                Path.Combine(directory, crate.Tier));
        }
    }

    /// <summary>The catalog (<c>--tiers</c>), <c>--tier-max-crates</c> and <c>--rust-target</c>: the same for the Recipe task's tiers and the Scan task's frequency report.</summary>
    public static WarmupOptions Options(ICakeContext context) =>
        WarmupOptions.For(Catalog(context), TaskArguments.Integer(context, "tier-max-crates", null, 0), RecipeArguments.RustTarget(context)) with
        {
            Timings = TaskArguments.List(context, "tier-timings").Select(file => new FilePath(file).MakeAbsolute(context.Environment).FullPath)
                .Aggregate(CompileTimes.None, (times, path) => times.Merge(File.Exists(path)
                    ? CompileTimes.ParseTimingReport(File.ReadAllText(path), path)
                    : throw new PrewarmException($"{path}: timings report not found (--tier-timings)"))),
        };

    private static WarmupCatalog Catalog(ICakeContext context)
    {
        if (TaskArguments.Text(context, "tiers") is not { } file)
        {
            return WarmupCatalog.Default;
        }

        var path = new FilePath(file).MakeAbsolute(context.Environment).FullPath;
        if (!File.Exists(path))
        {
            throw new PrewarmException($"{path}: tiers file not found (--tiers)");
        }

        return WarmupCatalog.Parse(File.ReadAllText(path), path);
    }
}
