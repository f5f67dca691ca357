using Cake.Core.Diagnostics;
using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Frosting;

namespace Prewarm.Tests.Settings;

/// <summary>Cook, Verify and Doctor build into (and check) one target directory, resolved by the
/// host from --target-dir, else CARGO_TARGET_DIR, else the repository's target/.</summary>
[TestFixture]
public sealed class TargetDirectoryHostTests
{
    [Test]
    public void CARGO_TARGET_DIR_is_the_target_directory_when_no_option_names_one()
    {
        using var work = new TemporaryDirectory("prewarm-target-dir-");
        var fromEnvironment = Path.Combine(work.Path, "shared-target");
        Environment.SetEnvironmentVariable("CARGO_TARGET_DIR", fromEnvironment);
        try
        {
            Show(work.Path).ShouldContain($"target directory: {fromEnvironment}");
            Show(work.Path, $"--target-dir={work.Path}/given").ShouldContain($"target directory: {work.Path}/given");
        }
        finally
        {
            Environment.SetEnvironmentVariable("CARGO_TARGET_DIR", null);
        }

        Show(work.Path).ShouldContain($"target directory: {work.Path}/target");
    }

    private static string Show(string repository, params string[] args)
    {
        var host = new TestHost();
        host.Host.UsePrewarm().AddTask<ShowTargetDirectoryTask>();
        host.Run([.. args, "--target=ShowTargetDirectory", $"--repo={repository}", $"--artifacts={repository}/artifacts"]).ShouldBe(0, host.Output);
        return host.Output;
    }
}

/// <summary>Prints the target directory the settings resolved for the first repository.</summary>
[TaskName("ShowTargetDirectory")]
public sealed class ShowTargetDirectoryTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        context.Log.Write(Verbosity.Quiet, LogLevel.Information, "target directory: {0}", context.Settings.Cook.TargetDirectoryFor(context.Repositories[0].FullPath));
}
