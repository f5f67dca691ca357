using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>Runs the real cargo on the offline registry (tests only; the Cake layer has its own runner).</summary>
internal static class CargoProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, bool check = true)
    {
        var result = await Cli.Wrap("cargo")
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(e => e.Set("CARGO_TERM_COLOR", "never"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cargo {string.Join(' ', arguments)} failed in {workingDirectory} ({result.ExitCode}):\n{result.StandardError}");
        }

        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
