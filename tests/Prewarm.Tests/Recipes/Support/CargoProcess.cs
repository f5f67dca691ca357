using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>Runs the real cargo on the offline registry (tests only; the Cake layer has its own runner).</summary>
internal static class CargoProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <param name="program">cargo, or another tool of the toolchain (rustup).</param>
    /// <param name="environment">Variables to set, or to remove (null).</param>
    public static async Task<Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, bool check = true, string program = "cargo", IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(e =>
            {
                e.Set("CARGO_TERM_COLOR", "never");
                foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
                {
                    e.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed in {workingDirectory} ({result.ExitCode}):\n{result.StandardError}");
        }

        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
