using Cake.Core;
using Cake.Core.IO;

namespace Prewarm.Cake.Docker;

/// <summary>What git knows about a repository, for the image's OCI labels; null where it knows
/// nothing (not a repository, no remote, git missing): labels are then left out, not invented.</summary>
internal static class GitFacts
{
    public static string? Ask(ICakeContext context, DirectoryPath repository, string arguments)
    {
        try
        {
            var process = context.ProcessRunner.Start("git", new ProcessSettings
            {
                Arguments = arguments,
                WorkingDirectory = repository,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Silent = true,
            });
            process.WaitForExit();
            var line = process.GetStandardOutput().FirstOrDefault()?.Trim();
            return process.GetExitCode() == 0 && !string.IsNullOrEmpty(line) ? line : null;
        }
        catch (Exception e) when (e is CakeException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
