using Prewarm.Cake.Tools.Git;
using Prewarm.Cake.Tools.Posix;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core;

namespace Prewarm.Tests.Tools;

/// <summary>Exact command lines of the small tools: rustc, git, stat, df.</summary>
[TestFixture]
public sealed class SystemToolTests
{
    [Test]
    public void Rustc_verbose_version()
    {
        var fixture = new ToolFixture<RustcTool>((f, e, r, t, l) => new RustcTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["rustc 1.85.0", "host: x86_64-unknown-linux-gnu", ""];

        fixture.Tool.VerboseVersion(new RustcVersionSettings()).ShouldBe("rustc 1.85.0\nhost: x86_64-unknown-linux-gnu");

        fixture.ToolName.ShouldBe("rustc");
        fixture.Arguments.ShouldBe("-vV");
    }

    [Test]
    public void Git_answers_in_one_line()
    {
        var fixture = new ToolFixture<GitTool>((f, e, r, t, l) => new GitTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["  https://example.org/shop.git  "];

        fixture.Tool.OriginUrl(new GitSettings()).ShouldBe("https://example.org/shop.git");
        fixture.Tool.Head(new GitSettings());
        fixture.Tool.Describe(new GitSettings());

        fixture.AllArguments.ShouldBe(["config --get remote.origin.url", "rev-parse HEAD", "describe --tags --always --dirty"]);
        fixture.Runner.Started.ShouldAllBe(s => s.Settings.Silent);
    }

    [Test]
    public void Git_knowing_nothing_is_null()
    {
        var fixture = new ToolFixture<GitTool>((f, e, r, t, l) => new GitTool(f, e, r, t, l));
        fixture.Runner.ExitCode = 128;
        fixture.Runner.StandardError = ["fatal: not a git repository"];

        fixture.Tool.Head(new GitSettings()).ShouldBeNull();
    }

    [Test]
    public void Stat_owner_with_the_path_quoted()
    {
        var fixture = new ToolFixture<StatTool>((f, e, r, t, l) => new StatTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["1001 1002"];

        fixture.Tool.Owner("/cache/my cargo", new StatSettings()).ShouldBe((1001, 1002));

        fixture.ToolName.ShouldBe("stat");
        fixture.Arguments.ShouldBe("-c \"%u %g\" \"/cache/my cargo\"");
    }

    [Test]
    public void Stat_failure_names_the_command()
    {
        var fixture = new ToolFixture<StatTool>((f, e, r, t, l) => new StatTool(f, e, r, t, l));
        fixture.Runner.ExitCode = 1;
        fixture.Runner.StandardError = ["stat: cannot statx '/x': Permission denied"];

        Should.Throw<PrewarmException>(() => fixture.Tool.Owner("/x", new StatSettings())).Message
            .ShouldBe("stat -c \"%u %g\" \"/x\": exit code 1: stat: cannot statx '/x': Permission denied");
    }

    [Test]
    public void Df_in_kib_for_one_path()
    {
        var fixture = new ToolFixture<DfTool>((f, e, r, t, l) => new DfTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["Filesystem 1024-blocks Used Available Capacity Mounted on", "/dev/sda1 100 40 60 40% /"];

        fixture.Tool.Usage("/home", new DfSettings()).MountedOn.ShouldBe("/");

        fixture.Arguments.ShouldBe("-Pk \"/home\"");
    }
}
