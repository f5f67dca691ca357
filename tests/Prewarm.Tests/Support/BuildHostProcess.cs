using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>Runs the real build host (build/Build.dll) as a separate process, as a user would.</summary>
internal static class BuildHostProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + StandardError;
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunDllAsync(RepositoryLayout.BuildDll, workingDirectory, args);

    public static Task<Result> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunDllAsync(RepositoryLayout.BuildDll, workingDirectory, environment, args);

    public static Task<Result> RunDllAsync(string dll, string workingDirectory, params string[] args) =>
        RunDllAsync(dll, workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs any Frosting-style build host assembly (the consumer sample's, for one).</summary>
    public static async Task<Result> RunDllAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments(a => a.Add(dll).Add(args))
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(e =>
            {
                e.Set("NO_COLOR", "1");
                foreach (var (name, value) in environment)
                {
                    e.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
