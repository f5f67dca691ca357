namespace Prewarm.Cake.Tools.Process;

/// <summary>
/// The one way Prewarm runs a tool: Cake's <see cref="Tool{TSettings}"/> with both streams captured
/// into a <see cref="ToolResult"/>. Standard error is passed on line by line as it arrives (to the
/// verbose log, or to a caller following progress). A wrapper either judges the result itself
/// (<see cref="Execute"/>: many docker commands are questions) or lets <see cref="ExecuteChecked"/>
/// turn a failure into one <see cref="PrewarmException"/> line naming the command.
/// </summary>
public abstract class PrewarmTool<TSettings> : Tool<TSettings>
    where TSettings : ToolSettings
{
    private readonly ICakeLog _log;

    protected PrewarmTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools)
    {
        _log = log;
    }

    /// <summary>Leaves the command line out of Cake's log (for questions asked on every run).</summary>
    protected virtual bool Silent => false;

    /// <summary>The command line as messages name it; secret arguments are redacted.</summary>
    protected string CommandLine(ProcessArgumentBuilder arguments) => $"{GetToolName()} {arguments.Render()}";

    /// <summary>Runs the tool and returns how it ended; a tool that cannot be found or started is a
    /// <see cref="PrewarmException"/> naming the command.</summary>
    protected ToolResult Execute(TSettings settings, ProcessArgumentBuilder arguments, Action<string>? onStandardError = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var processSettings = new ProcessSettings
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Silent = Silent,
            RedirectedStandardErrorHandler = line =>
            {
                if (line is not null)
                {
                    if (onStandardError is null)
                    {
                        _log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", line);
                    }
                    else
                    {
                        onStandardError(line);
                    }
                }

                return line;
            },
        };

        ToolResult? result = null;
        try
        {
            Run(settings, arguments, processSettings, process => result = new ToolResult(
                process.GetExitCode(),
                [.. process.GetStandardOutput() ?? []],
                [.. process.GetStandardError() ?? []]));
        }
        catch (Exception exception) when (exception is CakeException or System.ComponentModel.Win32Exception)
        {
            // Tool not found, or found but not startable: the reason plus what was being run.
            throw new PrewarmException($"{CommandLine(arguments)}: {exception.Message}", exception);
        }

        return result!;
    }

    /// <summary>Runs the tool; a non-zero exit is one line: the command, the exit code and <see cref="ToolResult.ErrorSummary"/>.</summary>
    protected ToolResult ExecuteChecked(TSettings settings, ProcessArgumentBuilder arguments, Action<string>? onStandardError = null)
    {
        var result = Execute(settings, arguments, onStandardError);
        return result.Succeeded
            ? result
            : throw new PrewarmException($"{CommandLine(arguments)}: exit code {result.ExitCode}: {result.ErrorSummary}");
    }

    /// <summary>For <see cref="Tool{TSettings}.GetEnvironmentVariables"/>: a copy of the settings'
    /// variables with <paramref name="variables"/> set (those with no value left out); the settings
    /// stay as they were given.</summary>
    protected IDictionary<string, string> EnvironmentWith(TSettings settings, params IEnumerable<(string Name, string? Value)> variables)
    {
        var environment = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (value is not null)
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    /// <summary>Exit codes are judged by the wrapper, which has the error output at hand.</summary>
    protected override void ProcessExitCode(int exitCode)
    {
    }
}
