using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Security;

/// <summary>The real build host never prints a credential it can see in its environment.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class RedactedOutputTests
{
    [Test]
    public async Task A_token_echoed_in_an_error_is_masked()
    {
        const string token = "cio_planted_Secret_4711";
        var result = await Cli.Wrap("dotnet")
            .WithArguments([RepositoryLayout.BuildDll, $"--target={token}"])
            .WithWorkingDirectory(RepositoryLayout.Root)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1").Set("CARGO_REGISTRIES_CORP_TOKEN", token))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        result.ExitCode.ShouldNotBe(0);
        (result.StandardOutput + result.StandardError).ShouldNotContain(token);
        result.StandardError.ShouldContain("Unknown target '***'");
    }
}
