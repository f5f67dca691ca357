using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Cargo;

/// <summary>The oracle: real <c>cargo metadata --no-deps</c> on a manifest.</summary>
internal static class CargoMetadata
{
    public static async Task<JsonDocument> ReadAsync(string manifestPath, bool noDeps = true)
    {
        string[] args = ["metadata", "--format-version", "1", "--offline", "--manifest-path", manifestPath];
        var output = await RunAsync(Path.GetDirectoryName(manifestPath)!, noDeps ? [.. args, "--no-deps"] : [.. args, "--locked"]);
        return JsonDocument.Parse(output);
    }

    /// <summary>Runs cargo in <paramref name="directory"/> (cargo finds .cargo/config.toml from the
    /// working directory, not from --manifest-path) through <see cref="CargoProcess"/>; its stderr
    /// becomes the failure message. Returns its stdout.</summary>
    public static async Task<string> RunAsync(string directory, params string[] args) =>
        (await CargoProcess.RunAsync(directory, args)).StandardOutput;

    /// <summary>Runs a script with bash; its stderr becomes the failure message.</summary>
    public static async Task RunScriptAsync(string script, params string[] args)
    {
        var result = await Cli.Wrap("bash")
            .WithArguments([script, .. args])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {result.StandardError}{result.StandardOutput}");
        }
    }
}
