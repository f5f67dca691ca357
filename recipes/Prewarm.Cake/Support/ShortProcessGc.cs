using System.Runtime;

namespace Prewarm.Cake.Support;

/// <summary>Lets a build run allocate its first quarter-gigabyte without a garbage collection. Scan and
/// Recipe keep most of what they allocate (the repository model) until the end, so each gen0 collection
/// of a large workspace copies that model again; with this such a run collects not at all (BENCHMARKS.md,
/// "Scale", has the figures). The runtime offers no runtimeconfig setting for gen0's budget (GCgen0size has
/// no public name and is read from the environment only), so the no-GC region is asked for here.
/// <see cref="PrewarmLifetime"/> starts it before the first task and ends it after the last;
/// <c>PREWARM_GC=default</c> in the environment leaves the runtime's usual budget in force.</summary>
public static class ShortProcessGc
{
    /// <summary>The garbage a run may leave uncollected, at most: past it the region ends by itself with a
    /// collection and the GC works as usual, so a larger repository costs no more than this in memory.</summary>
    private const long Budget = 256L << 20;

    /// <summary>Starts the region, where memory allows and none is on yet; does nothing otherwise.</summary>
    public static void Start()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion
            || string.Equals(Environment.GetEnvironmentVariable("PREWARM_GC"), "default", StringComparison.Ordinal))
        {
            return;
        }

        // Where memory is tight (a container's limit), the usual collections are worth their pauses.
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < 8 * Budget)
        {
            return;
        }

        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this GC configuration can set aside in one region: run with its usual budget.
        }
    }

    /// <summary>Ends the region if it is still on (for a process that runs builds one after another, as the
    /// in-process benchmark does; a build process just exits).</summary>
    public static void End()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
