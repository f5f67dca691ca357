using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Prewarm.Tests.Tools;

/// <summary>
/// A tool wrapper wired to a <see cref="RecordingProcessRunner"/> (as Cake.Testing's ToolFixture): a
/// test builds the settings, calls the wrapper, and asserts the exact argument line, tool and
/// environment it would have started. Answers (exit code, output) are set on <see cref="Runner"/>.
/// </summary>
internal sealed class ToolFixture<TTool>
{
    public ToolFixture(Func<IFileSystem, ICakeEnvironment, IProcessRunner, IToolLocator, ICakeLog, TTool> create)
    {
        Tool = create(new FileSystem(), new CakeEnvironment(new CakePlatform(), new CakeRuntime()), Runner, new FixedToolLocator(), new NullLog());
    }

    public RecordingProcessRunner Runner { get; } = new();

    public TTool Tool { get; }

    /// <summary>The argument line of the only process started.</summary>
    public string Arguments => Runner.Started.Single().Settings.Arguments.Render();

    /// <summary>The argument lines of every process started, in order.</summary>
    public IReadOnlyList<string> AllArguments => Runner.Started.Select(s => s.Settings.Arguments.Render()).ToList();

    /// <summary>The file name of the only tool started.</summary>
    public string ToolName => Runner.Started.Single().Tool.GetFilename().FullPath;

    public IDictionary<string, string> EnvironmentVariables => Runner.Started.Single().Settings.EnvironmentVariables;
}
