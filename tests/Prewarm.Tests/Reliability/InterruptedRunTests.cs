using System.Text;
using CliWrap;

namespace Prewarm.Tests.Reliability;

/// <summary>
/// Ctrl-C during Cook: the host stops, the cargo it started stops with it (no orphan keeps the
/// target directory's lock), no artifact is left half-written, and the next run succeeds.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class InterruptedRunTests
{
    [Test]
    public async Task An_interrupted_cook_leaves_nothing_broken_and_the_next_run_succeeds()
    {
        using var work = new TemporaryDirectory("prewarm-interrupt-");
        var repository = Path.Combine(work.Path, "shop");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), repository);
        var artifacts = Path.Combine(work.Path, "artifacts");
        var targetDir = Path.Combine(work.Path, "target");
        string[] args = [RepositoryLayout.BuildDll, "--target=Cook", $"--repo={repository}", $"--artifacts={artifacts}", $"--target-dir={targetDir}"];

        using var forceful = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = new StringBuilder();
        var run = Cli.Wrap("dotnet").WithArguments(args).WithWorkingDirectory(work.Path)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync(forceful.Token);

        // Interrupt once cargo is compiling dependencies.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.Exists(Path.Combine(targetDir, "debug", "deps")) || Directory.GetFiles(Path.Combine(targetDir, "debug", "deps")).Length < 5)
        {
            if (DateTime.UtcNow > deadline || run.Task.IsCompleted)
            {
                Assert.Fail($"cook did not start compiling:\n{output}");
            }

            await Task.Delay(200);
        }

        // Ctrl-C (SIGINT); where this test's launcher left SIGINT ignored the host cannot see it, and
        // SIGTERM, which takes the same path, stands in.
        await Signals.SendAsync(run.ProcessId, Signals.InterruptIgnoredHere() ? "TERM" : "INT");
        var signalled = DateTime.UtcNow;
        var stopped = await run;
        stopped.ExitCode.ShouldNotBe(0, output.ToString());
        (DateTime.UtcNow - signalled).ShouldBeLessThan(TimeSpan.FromSeconds(15), $"the host did not stop on the signal:\n{output}");

        await Task.Delay(TimeSpan.FromSeconds(2));
        (await ProcessTable.MatchingAsync(targetDir)).ShouldBeEmpty("cargo kept running after the build was interrupted");
        Directory.GetFiles(artifacts, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();

        var again = await BuildHostProcess.RunAsync(work.Path, args[1..]);

        again.ExitCode.ShouldBe(0, again.All);
        File.Exists(Path.Combine(artifacts, "recipes", "shop", "recipe.json")).ShouldBeTrue();
    }
}
