using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Core;

namespace Prewarm.Cake.Tools.Process;

/// <summary>
/// A Cake tool whose output is the product: standard output is captured whole for a parser,
/// standard error is captured too (echoed to the verbose log as it arrives) so a failure becomes
/// one <see cref="PrewarmException"/> line naming the command and cargo's/sccache's own error.
/// </summary>
public abstract class CapturingTool<TSettings> : Tool<TSettings>
    where TSettings : ToolSettings
{
    private readonly ICakeLog _log;

    protected CapturingTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools)
    {
        _log = log;
    }

    /// <summary>Runs the tool; a non-zero exit throws unless <paramref name="allowFailure"/>.</summary>
    protected ToolOutput Capture(TSettings settings, ProcessArgumentBuilder arguments, bool allowFailure = false)
    {
        var commandLine = $"{GetToolName()} {arguments.Render()}";
        var processSettings = new ProcessSettings
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectedStandardErrorHandler = line =>
            {
                if (line is not null)
                {
                    _log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", line);
                }

                return line;
            },
        };

        ToolOutput? output = null;
        try
        {
            Run(settings, arguments, processSettings, process => output = new ToolOutput(
                process.GetExitCode(),
                string.Join("\n", process.GetStandardOutput() ?? []),
                string.Join("\n", process.GetStandardError() ?? [])));
        }
        catch (CakeException exception)
        {
            // Tool not found, process not started: Cake's message plus what was being run.
            throw new PrewarmException($"{commandLine}: {exception.Message}", exception);
        }

        if (output!.ExitCode != 0 && !allowFailure)
        {
            throw new PrewarmException($"{commandLine}: exit code {output.ExitCode}: {output.ErrorSummary}");
        }

        return output;
    }

    /// <summary>Exit codes are judged by <see cref="Capture"/>, which has the error output at hand.</summary>
    protected override void ProcessExitCode(int exitCode)
    {
    }
}
