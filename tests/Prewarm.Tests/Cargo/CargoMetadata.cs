using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Cargo;

/// <summary>The oracle: real <c>cargo metadata --no-deps</c> on a manifest.</summary>
internal static class CargoMetadata
{
    public static async Task<JsonDocument> ReadAsync(string manifestPath)
    {
        var result = await Cli.Wrap("cargo")
            .WithArguments(["metadata", "--no-deps", "--format-version", "1", "--offline", "--manifest-path", manifestPath])
            .WithWorkingDirectory(Path.GetDirectoryName(manifestPath)!)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cargo metadata failed for {manifestPath}: {result.StandardError}");
        }

        return JsonDocument.Parse(result.StandardOutput);
    }
}
