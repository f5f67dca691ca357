using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>Runs the real <c>dotnet</c> CLI for packaging and template tests.</summary>
internal static class DotNet
{
    public static async Task<BufferedCommandResult> RunAsync(string workingDirectory, params string[] args)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments(args)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1").Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("DOTNET_NOLOGO", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        }

        return result;
    }

    /// <summary>Copies a directory tree, leaving out build outputs.</summary>
    public static void CopyTree(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj" or "target")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
