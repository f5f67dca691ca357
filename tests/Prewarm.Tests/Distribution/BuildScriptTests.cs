using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Distribution;

/// <summary>The repository's build.sh, run for real: what it refuses before it builds anything.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (bash)
public sealed class BuildScriptTests
{
    [Test]
    public async Task An_unknown_host_kind_is_refused_in_one_line_before_anything_is_built()
    {
        var host = Path.Combine(RepositoryLayout.Root, "build", "bin", "host");
        var stampBefore = File.Exists(Path.Combine(host, ".prewarm-build-stamp"))
            ? File.GetLastWriteTimeUtc(Path.Combine(host, ".prewarm-build-stamp"))
            : (DateTime?)null;

        var result = await Cli.Wrap("bash")
            .WithArguments(["build.sh", "--tree"])
            .WithWorkingDirectory(RepositoryLayout.Root)
            .WithEnvironmentVariables(e => e.Set("PREWARM_HOST", "native"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

        result.ExitCode.ShouldBe(2);
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.Trim().ShouldBe("build.sh: PREWARM_HOST must be readytorun or composite, not 'native'");
        (File.Exists(Path.Combine(host, ".prewarm-build-stamp"))
            ? File.GetLastWriteTimeUtc(Path.Combine(host, ".prewarm-build-stamp"))
            : (DateTime?)null).ShouldBe(stampBefore);
    }
}
