using Prewarm.Core.Verification;

namespace Prewarm.Cake.Tools.Sccache;

/// <summary>sccache's client commands from a Cake script.</summary>
[CakeAliasCategory("Sccache")]
public static class SccacheAliases
{
    /// <summary>sccache's statistics, parsed (JSON, or the text table from an sccache without it).</summary>
    [CakeMethodAlias]
    public static SccacheStats SccacheReadStats(this ICakeContext context, SccacheShowStatsSettings? settings = null) =>
        Sccache(context).ReadStats(settings ?? new SccacheShowStatsSettings());

    /// <summary><c>sccache --zero-stats</c>.</summary>
    [CakeMethodAlias]
    public static void SccacheZeroStats(this ICakeContext context, SccacheServerSettings? settings = null) =>
        Sccache(context).ZeroStats(settings ?? new SccacheServerSettings());

    /// <summary><c>sccache --start-server</c> with the settings' cache directory and port.</summary>
    [CakeMethodAlias]
    public static void SccacheStartServer(this ICakeContext context, SccacheServerSettings? settings = null) =>
        Sccache(context).StartServer(settings ?? new SccacheServerSettings());

    /// <summary><c>sccache --stop-server</c>; false when none was running.</summary>
    [CakeMethodAlias]
    public static bool SccacheStopServer(this ICakeContext context, SccacheServerSettings? settings = null) =>
        Sccache(context).StopServer(settings ?? new SccacheServerSettings());

    private static SccacheTool Sccache(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);
}
