using Cake.Core.IO;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;

namespace Prewarm.Tests.Tools;

/// <summary>Exact sccache command lines and environments, one test per command.</summary>
[TestFixture]
public sealed class SccacheToolTests
{
    private ToolFixture<SccacheTool> _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ToolFixture<SccacheTool>((f, e, r, t, l) => new SccacheTool(f, e, r, t, l));

    [Test]
    public void Start_server_with_its_cache_and_port()
    {
        _fixture.Tool.StartServer(new SccacheServerSettings { CacheDirectory = new DirectoryPath("/c"), ServerPort = 4399 });

        _fixture.ToolName.ShouldBe("sccache");
        _fixture.Arguments.ShouldBe("--start-server");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("SCCACHE_DIR", "/c");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("SCCACHE_SERVER_PORT", "4399");
    }

    [Test]
    public void Zero_stats()
    {
        _fixture.Tool.ZeroStats(new SccacheServerSettings());

        _fixture.Arguments.ShouldBe("--zero-stats");
    }

    [Test]
    public void Show_stats_as_json_or_text()
    {
        _fixture.Tool.ShowStats(new SccacheShowStatsSettings());
        _fixture.Tool.ShowStats(new SccacheShowStatsSettings { Format = SccacheStatsFormat.Text });

        _fixture.AllArguments.ShouldBe(["--show-stats --stats-format=json", "--show-stats"]);
    }

    [Test]
    public void Stop_server_reports_whether_one_ran()
    {
        _fixture.Runner.ExitCode = 2;

        _fixture.Tool.StopServer(new SccacheServerSettings { ServerPort = 4399 }).ShouldBeFalse();

        _fixture.Arguments.ShouldBe("--stop-server");
    }

    [Test]
    public void Stats_fall_back_to_text_when_json_is_refused()
    {
        _fixture.Runner.ExitCode = 2;
        _fixture.Runner.StandardError = ["error: unexpected argument '--stats-format'"];

        // The second call (text) fails the same way here, which proves it was attempted and reported.
        var settings = new SccacheShowStatsSettings();
        var exception = Should.Throw<PrewarmException>(() => _fixture.Tool.ReadStats(settings));

        _fixture.AllArguments.ShouldBe(["--show-stats --stats-format=json", "--show-stats"]);
        exception.Message.ShouldBe("sccache --show-stats: exit code 2: error: unexpected argument '--stats-format'");
        settings.Format.ShouldBe(SccacheStatsFormat.Json);
    }
}
