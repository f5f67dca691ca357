using System.Globalization;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;
using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Tools.Sccache;

/// <summary>Runs sccache's client commands: statistics, zeroing them, starting and stopping the server.</summary>
public sealed class SccacheTool : PrewarmTool<SccacheSettings>
{
    public SccacheTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public static SccacheTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    /// <summary>The raw <c>--show-stats</c> output in the requested format.</summary>
    public string ShowStats(SccacheShowStatsSettings settings) =>
        ExecuteChecked(settings, SccacheArguments.ShowStats(settings)).Output;

    /// <summary>Statistics parsed: JSON first; the text table when this sccache has no JSON format.</summary>
    public SccacheStats ReadStats(SccacheShowStatsSettings settings)
    {
        settings.Format = SccacheStatsFormat.Json;
        var json = Execute(settings, SccacheArguments.ShowStats(settings));
        if (json.Succeeded && json.Output.TrimStart().StartsWith('{'))
        {
            return SccacheStatsParser.ParseJson(json.Output, "sccache --show-stats --stats-format=json");
        }

        settings.Format = SccacheStatsFormat.Text;
        return SccacheStatsParser.ParseText(ShowStats(settings), "sccache --show-stats");
    }

    public void ZeroStats(SccacheServerSettings settings) => ExecuteChecked(settings, SccacheArguments.ZeroStats());

    public void StartServer(SccacheServerSettings settings) => ExecuteChecked(settings, SccacheArguments.StartServer());

    /// <summary>Stops the server; false when none was running (not an error for a clean-up).</summary>
    public bool StopServer(SccacheServerSettings settings) =>
        Execute(settings, SccacheArguments.StopServer()).Succeeded;

    protected override string GetToolName() => "sccache";

    protected override IEnumerable<string> GetToolExecutableNames() => ["sccache", "sccache.exe"];

    protected override IDictionary<string, string> GetEnvironmentVariables(SccacheSettings settings)
    {
        var variables = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (settings.CacheDirectory is { } directory)
        {
            variables["SCCACHE_DIR"] = directory.FullPath;
        }

        if (settings.ServerPort is { } port)
        {
            variables["SCCACHE_SERVER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return variables;
    }
}
