using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Core;
using Prewarm.Core.Configuration;
using Prewarm.Frosting;

namespace Prewarm.Tests.Configuration;

/// <summary>A command-line option nobody reads is refused in one line naming the nearest known one,
/// as a typo in prewarm.toml is; the host's switches, Cake configuration and a build's declared
/// options pass.</summary>
[TestFixture]
public sealed class UnknownArgumentTests
{
    private TemporaryDirectory _work = null!;

    [SetUp]
    public void SetUp() => _work = new TemporaryDirectory("prewarm-arguments-");

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public void An_unknown_option_fails_the_run_naming_the_nearest_one()
    {
        var (exitCode, output) = Run(host => host, "--target=Clean", "--layout=symlinked");

        exitCode.ShouldNotBe(0);
        output.ShouldContain("--layout: unknown option; did you mean --cargo-layout?");
        output.Split('\n').Count(line => line.Contains("unknown option", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public void Prewarm_options_host_switches_and_cake_configuration_pass()
    {
        var (exitCode, output) = Run(host => host,
            "--target=Clean", "-t", "Clean", "--verbosity=quiet", "--exclusive", "--settings_skipverification=true",
            "--cargo-layout=symlinked", "--push", "--min-hit-rate=90");

        exitCode.ShouldBe(0, output);
    }

    [Test]
    public void A_build_declares_the_options_its_own_tasks_read()
    {
        var refused = Run(host => host.AddTask<DeployTask>(), "--target=Deploy", "--deploy-env=prod");
        var accepted = Run(host => host.AddTask<DeployTask>().AcceptArguments("deploy-env"), "--target=Deploy", "--deploy-env=prod");

        refused.ExitCode.ShouldNotBe(0);
        refused.Output.ShouldContain("--deploy-env: unknown option (a build's own options are declared with CakeHost.AcceptArguments");
        accepted.ExitCode.ShouldBe(0, accepted.Output);
        accepted.Output.ShouldContain("deploying to prod");
    }

    [TestCase("layout", "--layout: unknown option; did you mean --cargo-layout?")]
    [TestCase("min-hitrate", "--min-hitrate: unknown option; did you mean --min-hit-rate?")]
    [TestCase("relase", "--relase: unknown option; did you mean --release?")]
    [TestCase("confg", "--confg: unknown option; did you mean --config?")]
    [TestCase("dryrn", "--dryrn: unknown option; did you mean --dryrun?")]
    [TestCase("cli", "--cli: unknown option; did you mean --docker?")]
    public void The_refusal_names_the_nearest_known_option(string given, string message)
    {
        var known = new KnownArguments(HostArguments.Names);

        Should.Throw<PrewarmException>(() => known.Check(["target", given])).Message.ShouldBe(message);
    }

    [Test]
    public void Host_switches_are_read_from_the_host_itself()
    {
        HostArguments.Names.ShouldContain("target");
        HostArguments.Names.ShouldContain("t");
        HostArguments.Names.ShouldContain("dryrun");
        HostArguments.Names.ShouldContain("working");
    }

    private (int ExitCode, string Output) Run(Func<CakeHost, CakeHost> configure, params string[] args)
    {
        var host = new TestHost();
        configure(host.Host.UsePrewarm());
        var exitCode = host.Run([.. args, $"--artifacts={Path.Combine(_work.Path, "artifacts")}", $"--working={_work.Path}"]);
        return (exitCode, host.Output);
    }
}

/// <summary>A consumer's own task reading its own argument.</summary>
[TaskName("Deploy")]
public sealed class DeployTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        context.Log.Write(Verbosity.Quiet, LogLevel.Information, "deploying to {0}", context.Arguments.GetArgument("deploy-env"));
}
