using System.Text;
using CliWrap;
using CliWrap.Buffered;
using CliWrap.Builders;
using Prewarm.Cake.Tools.Cargo;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>The tests' one runner of the real cargo (on the offline registry; the Cake layer has its own, <see cref="CargoTool"/>).</summary>
internal static class CargoProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <param name="program">cargo, or another tool of the toolchain (rustup).</param>
    /// <param name="environment">Variables to set, or to remove (null).</param>
    public static Task<Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, bool check = true, string program = "cargo", IReadOnlyDictionary<string, string?>? environment = null) =>
        RunLineAsync(workingDirectory, new ArgumentsBuilder().Add(arguments).Build(), check, program, environment);

    /// <summary>cargo with the command line <see cref="CargoTool"/> gives it for <paramref name="settings"/>
    /// (<see cref="CargoArguments"/>, rendered as the Cake process runner passes it), in the settings'
    /// working directory.</summary>
    public static Task<Result> RunAsync(CargoSettings settings, bool check = true) =>
        RunLineAsync(
            settings.WorkingDirectory?.FullPath ?? throw new ArgumentException("the settings name no working directory", nameof(settings)),
            CargoArguments.For(settings).Render(),
            check,
            "cargo",
            environment: null);

    private static async Task<Result> RunLineAsync(string workingDirectory, string commandLine, bool check, string program, IReadOnlyDictionary<string, string?>? environment)
    {
        var result = await Cli.Wrap(program)
            .WithArguments(commandLine)
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
            throw new InvalidOperationException($"{program} {commandLine} failed in {workingDirectory} ({result.ExitCode}):\n{result.StandardError}");
        }

        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
