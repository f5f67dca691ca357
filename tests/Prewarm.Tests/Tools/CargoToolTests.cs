using Cake.Core.IO;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core;

namespace Prewarm.Tests.Tools;

/// <summary>Exact cargo command lines and environments, one test per command.</summary>
[TestFixture]
public sealed class CargoToolTests
{
    private ToolFixture<CargoTool> _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ToolFixture<CargoTool>((f, e, r, t, l) => new CargoTool(f, e, r, t, l));

    [Test]
    public void Build_with_every_option()
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

        _fixture.Tool.Build(settings);

        _fixture.ToolName.ShouldBe("cargo");
        _fixture.Arguments.ShouldBe(
            "build --profile \"ci\" --workspace -p \"shop-server\" --bin \"shop\" --target \"x86_64-unknown-linux-gnu\" --features \"a,b\" --all-features --no-default-features --target-dir \"/t\" --message-format \"json\" --jobs 2 --manifest-path \"/w/Cargo.toml\" --locked --offline");
    }

    [Test]
    public void Build_release_without_profile()
    {
        _fixture.Tool.Build(new CargoBuildSettings { Release = true });

        _fixture.Arguments.ShouldBe("build --release");
    }

    [Test]
    public void Tree_in_the_parser_friendly_form()
    {
        var settings = new CargoTreeSettings { Workspace = true, Depth = 1, Target = "all", NoDefaultFeatures = true };
        settings.Edges.Add("normal");
        settings.Edges.Add("build");
        settings.Packages.Add("shop");
        settings.Features.Add("tls");

        _fixture.Tool.Tree(settings);

        _fixture.Arguments.ShouldBe("tree --workspace -p \"shop\" --depth 1 -e normal,build --target \"all\" --features \"tls\" --no-default-features --prefix \"depth\" --format \"{p}\"");
    }

    [Test]
    public void Metadata()
    {
        _fixture.Tool.Metadata(new CargoMetadataSettings { NoDependencies = true, Frozen = true, Quiet = true, FilterPlatform = "x86_64-unknown-linux-gnu" });

        _fixture.Arguments.ShouldBe("metadata --format-version 1 --no-deps --filter-platform \"x86_64-unknown-linux-gnu\" --frozen --quiet");
    }

    [Test]
    public void The_environment_cargo_reads_and_stdout_returned()
    {
        _fixture.Runner.StandardOutput = ["0tiny v0.1.0 (/w)", "1log v0.4.17"];
        var settings = new CargoTreeSettings
        {
            RustcWrapper = "sccache",
            CargoTargetDir = new DirectoryPath("/t"),
            CargoHome = new DirectoryPath("/h"),
        };
        settings.EnvironmentVariables["EXTRA"] = "1";

        var output = _fixture.Tool.Tree(settings);

        output.ShouldBe("0tiny v0.1.0 (/w)\n1log v0.4.17");
        _fixture.Arguments.ShouldBe("tree --prefix \"depth\" --format \"{p}\"");
        _fixture.Runner.Started.Single().Settings.RedirectStandardOutput.ShouldBeTrue();
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("RUSTC_WRAPPER", "sccache");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("CARGO_TARGET_DIR", "/t");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("CARGO_HOME", "/h");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("EXTRA", "1");
    }

    [Test]
    public void A_failure_is_one_line_with_its_error()
    {
        _fixture.Runner.ExitCode = 101;
        _fixture.Runner.StandardError = ["    Updating crates.io index", "error: no matching package named `nope` found", "location searched: registry"];

        var exception = Should.Throw<PrewarmException>(() => _fixture.Tool.Build(new CargoBuildSettings { Offline = true }));

        exception.Message.ShouldBe("cargo build --offline: exit code 101: error: no matching package named `nope` found");
    }
}
