using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using NUnit.Framework;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;
using Prewarm.Tests.Support;
using Shouldly;
using Path = System.IO.Path;

namespace Prewarm.Tests.Verification;

/// <summary>Exact command lines and environments the wrappers hand to Cake's process runner.</summary>
[TestFixture]
public sealed class ToolArgumentTests
{
    private RecordingProcessRunner _runner = null!;
    private CakeEnvironment _environment = null!;

    [SetUp]
    public void SetUp()
    {
        _runner = new RecordingProcessRunner();
        _environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
    }

    [Test]
    public void Cargo_build_with_every_option()
    {
        var settings = new CargoBuildSettings
        {
            ManifestPath = new FilePath("/w/Cargo.toml"),
            Profile = "ci",
            Release = true,
            Workspace = true,
            Target = "x86_64-unknown-linux-gnu",
            AllFeatures = true,
            NoDefaultFeatures = true,
            TargetDirectory = new DirectoryPath("/t"),
            MessageFormat = "json",
            Jobs = 2,
            Locked = true,
            Offline = true,
        };
        settings.Features.Add("a");
        settings.Features.Add("b");
        settings.Packages.Add("shop-server");
        settings.Binaries.Add("shop");

        CargoArguments.For(settings).Render().ShouldBe(
            "build --profile \"ci\" --workspace -p \"shop-server\" --bin \"shop\" --target \"x86_64-unknown-linux-gnu\" --features \"a,b\" --all-features --no-default-features --target-dir \"/t\" --message-format \"json\" --jobs 2 --manifest-path \"/w/Cargo.toml\" --locked --offline");
    }

    [Test]
    public void Cargo_build_release_without_profile()
    {
        CargoArguments.For(new CargoBuildSettings { Release = true }).Render().ShouldBe("build --release");
    }

    [Test]
    public void Cargo_tree_in_the_parser_friendly_form()
    {
        var settings = new CargoTreeSettings { Workspace = true, Depth = 1, Target = "all" };
        settings.Edges.Add("normal");
        settings.Edges.Add("build");

        CargoArguments.For(settings).Render().ShouldBe("tree --workspace --depth 1 -e normal,build --target \"all\" --prefix \"depth\" --format \"{p}\"");
    }

    [Test]
    public void Cargo_metadata()
    {
        CargoArguments.For(new CargoMetadataSettings { NoDependencies = true, Frozen = true, FilterPlatform = "x86_64-unknown-linux-gnu" }).Render()
            .ShouldBe("metadata --format-version 1 --no-deps --filter-platform \"x86_64-unknown-linux-gnu\" --frozen");
    }

    [Test]
    public void Cargo_tool_sets_the_environment_and_returns_stdout()
    {
        _runner.StandardOutput = ["0tiny v0.1.0 (/w)", "1log v0.4.17"];
        var settings = new CargoTreeSettings
        {
            RustcWrapper = "sccache",
            CargoTargetDir = new DirectoryPath("/t"),
            CargoHome = new DirectoryPath("/h"),
        };
        settings.EnvironmentVariables["EXTRA"] = "1";

        var output = Cargo().Tree(settings);

        output.ShouldBe("0tiny v0.1.0 (/w)\n1log v0.4.17");
        var (tool, process) = _runner.Started.Single();
        tool.GetFilename().FullPath.ShouldBe("cargo");
        process.Arguments.Render().ShouldBe("tree --prefix \"depth\" --format \"{p}\"");
        process.RedirectStandardOutput.ShouldBeTrue();
        process.EnvironmentVariables.ShouldContainKeyAndValue("RUSTC_WRAPPER", "sccache");
        process.EnvironmentVariables.ShouldContainKeyAndValue("CARGO_TARGET_DIR", "/t");
        process.EnvironmentVariables.ShouldContainKeyAndValue("CARGO_HOME", "/h");
        process.EnvironmentVariables.ShouldContainKeyAndValue("EXTRA", "1");
    }

    [Test]
    public void A_failing_cargo_is_one_line_with_its_error()
    {
        _runner.ExitCode = 101;
        _runner.StandardError = ["    Updating crates.io index", "error: no matching package named `nope` found", "location searched: registry"];

        var exception = Should.Throw<PrewarmException>(() => Cargo().Build(new CargoBuildSettings { Offline = true }));

        exception.Message.ShouldBe("cargo build --offline: exit code 101: error: no matching package named `nope` found");
    }

    [Test]
    public void Sccache_commands_and_environment()
    {
        var sccache = new SccacheTool(new FileSystem(), _environment, _runner, new FixedToolLocator(), new NullLog());
        var server = new SccacheServerSettings { CacheDirectory = new DirectoryPath("/c"), ServerPort = 4399 };

        sccache.StartServer(server);
        sccache.ZeroStats(server);
        sccache.ShowStats(new SccacheShowStatsSettings { Format = SccacheStatsFormat.Text });
        sccache.ShowStats(new SccacheShowStatsSettings());
        sccache.StopServer(server);

        _runner.Started.Select(s => s.Settings.Arguments.Render()).ShouldBe(
            ["--start-server", "--zero-stats", "--show-stats", "--show-stats --stats-format=json", "--stop-server"]);
        _runner.Started[0].Settings.EnvironmentVariables.ShouldContainKeyAndValue("SCCACHE_DIR", "/c");
        _runner.Started[0].Settings.EnvironmentVariables.ShouldContainKeyAndValue("SCCACHE_SERVER_PORT", "4399");
    }

    [Test]
    public void Sccache_stats_fall_back_to_text_when_json_is_refused()
    {
        _runner.ExitCode = 2;
        _runner.StandardError = ["error: unexpected argument '--stats-format'"];
        var sccache = new SccacheTool(new FileSystem(), _environment, _runner, new FixedToolLocator(), new NullLog());

        // The second call (text) fails the same way here, which proves it was attempted and reported.
        var exception = Should.Throw<PrewarmException>(() => sccache.ReadStats(new SccacheShowStatsSettings()));

        _runner.Started.Select(s => s.Settings.Arguments.Render()).ShouldBe(["--show-stats --stats-format=json", "--show-stats"]);
        exception.Message.ShouldBe("sccache --show-stats: exit code 2: error: unexpected argument '--stats-format'");
    }

    private CargoTool Cargo() => new(new FileSystem(), _environment, _runner, new FixedToolLocator(), new NullLog());
}
