using Cake.Core;
using Cake.Core.Annotations;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Tools.Sccache;

/// <summary>sccache's client commands from a Cake script.</summary>
[CakeAliasCategory("Sccache")]
public static class SccacheAliases
{
    /// <summary>sccache's statistics, parsed (JSON, or the text table from an sccache without it).</summary>
    [CakeMethodAlias]
    public static SccacheStats SccacheReadStats(this ICakeContext context, SccacheShowStatsSettings? settings = null) =>
        SccacheTool.For(context).ReadStats(settings ?? new SccacheShowStatsSettings());

    /// <summary><c>sccache --zero-stats</c>.</summary>
    [CakeMethodAlias]
    public static void SccacheZeroStats(this ICakeContext context, SccacheServerSettings? settings = null) =>
        SccacheTool.For(context).ZeroStats(settings ?? new SccacheServerSettings());

    /// <summary><c>sccache --start-server</c> with the settings' cache directory and port.</summary>
    [CakeMethodAlias]
    public static void SccacheStartServer(this ICakeContext context, SccacheServerSettings? settings = null) =>
        SccacheTool.For(context).StartServer(settings ?? new SccacheServerSettings());

    /// <summary><c>sccache --stop-server</c>; false when none was running.</summary>
    [CakeMethodAlias]
    public static bool SccacheStopServer(this ICakeContext context, SccacheServerSettings? settings = null) =>
        SccacheTool.For(context).StopServer(settings ?? new SccacheServerSettings());
}
