using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>A docker CLI wrapper on Cake's <see cref="Tool{TSettings}"/>: runs one command,
/// captures both streams, and leaves judging the exit code to the caller (a failed docker command
/// is turned into a one-line message there, not into Cake's generic "exit code 1").</summary>
public abstract class DockerToolBase<TSettings>(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : Tool<TSettings>(fileSystem, environment, processRunner, tools)
    where TSettings : ToolSettings
{
    protected override string GetToolName() => "docker";

    protected override IEnumerable<string> GetToolExecutableNames() => ["docker"];

    protected DockerRunResult Execute(TSettings settings, ProcessArgumentBuilder arguments, Action<string>? onStandardError = null)
    {
        var output = new List<string>();
        var error = new List<string>();
        var exitCode = -1;
        settings.HandleExitCode = _ => true;
        var process = new ProcessSettings
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectedStandardOutputHandler = line => Collect(output, line, null),
            RedirectedStandardErrorHandler = line => Collect(error, line, onStandardError),
        };
        Run(settings, arguments, process, p => exitCode = p.GetExitCode());
        return new DockerRunResult(exitCode, output, error);
    }

    private static string Collect(List<string> lines, string? line, Action<string>? also)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }

            also?.Invoke(line);
        }

        return line!;
    }
}
