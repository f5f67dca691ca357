using Cake.Core;
using Cake.Core.IO;

namespace Prewarm.Cake.Tools.Sccache;

/// <summary>The one place sccache command lines are built.</summary>
public static class SccacheArguments
{
    public static ProcessArgumentBuilder ShowStats(SccacheShowStatsSettings settings)
    {
        var args = new ProcessArgumentBuilder().Append("--show-stats");
        if (settings.Format == SccacheStatsFormat.Json)
        {
            args.Append("--stats-format=json");
        }

        return args;
    }

    public static ProcessArgumentBuilder ZeroStats() => new ProcessArgumentBuilder().Append("--zero-stats");

    public static ProcessArgumentBuilder StartServer() => new ProcessArgumentBuilder().Append("--start-server");

    public static ProcessArgumentBuilder StopServer() => new ProcessArgumentBuilder().Append("--stop-server");
}
