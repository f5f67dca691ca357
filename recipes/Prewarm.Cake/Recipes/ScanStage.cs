using Prewarm.Core.Scanning;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake.Recipes;

/// <summary>Scan's result for the stages after it: the one Scan put on the context in this run, else
/// (a stage run <c>--exclusive</c>) <c>scan.json</c> read back and checked for staleness, planned anew.</summary>
internal static class ScanStage
{
    public static ScanResult Result(PrewarmContext context)
    {
        if (context.Scanned is { } scanned)
        {
            return scanned;
        }

        var repositories = ScanReader.Load(context.Layout.ScanDocument, context.Settings.Shared.Repositories, context.Settings.Scan.Exclude);
        return new ScanResult(repositories, context.Warmup, WarmupPlanner.Decide(repositories, context.Warmup));
    }
}
