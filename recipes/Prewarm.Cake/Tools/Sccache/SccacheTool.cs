using System.Globalization;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Tools.Sccache;

/// <summary>Runs sccache's client commands: statistics, zeroing them, starting and stopping the server.</summary>
public sealed class SccacheTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<SccacheSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary>The raw <c>--show-stats [--stats-format=json]</c> output in the settings' format.</summary>
    public string ShowStats(SccacheShowStatsSettings settings) =>
        ExecuteChecked(settings, ShowStatsArguments(settings.Format)).Output;

    /// <summary>Statistics parsed: JSON first; the text table when this sccache has no JSON format
    /// (the settings' <see cref="SccacheShowStatsSettings.Format"/> is not consulted).</summary>
    public SccacheStats ReadStats(SccacheShowStatsSettings settings)
    {
        var json = Execute(settings, ShowStatsArguments(SccacheStatsFormat.Json));
        if (json.Succeeded && json.Output.TrimStart().StartsWith('{'))
        {
            return SccacheStatsParser.ParseJson(json.Output, "sccache --show-stats --stats-format=json");
        }

        var text = ExecuteChecked(settings, ShowStatsArguments(SccacheStatsFormat.Text)).Output;
        return SccacheStatsParser.ParseText(text, "sccache --show-stats");
    }

    /// <summary><c>sccache --zero-stats</c>.</summary>
    public void ZeroStats(SccacheServerSettings settings) => ExecuteChecked(settings, Command("--zero-stats"));

    /// <summary><c>sccache --start-server</c>, with the settings' cache directory and port.</summary>
    public void StartServer(SccacheServerSettings settings) => ExecuteChecked(settings, Command("--start-server"));

    /// <summary><c>sccache --stop-server</c>; false when none was running (not an error for a clean-up).</summary>
    public bool StopServer(SccacheServerSettings settings) =>
        Execute(settings, Command("--stop-server")).Succeeded;

    protected override string GetToolName() => "sccache";

    protected override IEnumerable<string> GetToolExecutableNames() => ["sccache", "sccache.exe"];

    protected override IDictionary<string, string> GetEnvironmentVariables(SccacheSettings settings) => EnvironmentWith(
        settings,
        ("SCCACHE_DIR", settings.CacheDirectory?.FullPath),
        ("SCCACHE_SERVER_PORT", settings.ServerPort?.ToString(CultureInfo.InvariantCulture)));

    private static ProcessArgumentBuilder Command(string command) => new ProcessArgumentBuilder().Append(command);

    private static ProcessArgumentBuilder ShowStatsArguments(SccacheStatsFormat format) =>
        Command("--show-stats").AppendFlag(format == SccacheStatsFormat.Json, "--stats-format=json");
}
