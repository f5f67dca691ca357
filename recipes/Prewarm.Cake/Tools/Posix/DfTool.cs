using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>df</c>: the free space of the file system holding a path.</summary>
public sealed class DfTool : PrewarmTool<DfSettings>
{
    public DfTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public static DfTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    /// <summary><c>df -Pk "PATH"</c>.</summary>
    public static ProcessArgumentBuilder Arguments(string path) => new ProcessArgumentBuilder().Append("-Pk").AppendQuoted(path);

    /// <summary>The file system <paramref name="path"/> (which must exist) lies on.</summary>
    public DiskSpace Usage(string path, DfSettings settings)
    {
        var arguments = Arguments(path);
        return DfParser.Parse(ExecuteChecked(settings, arguments).Output, CommandLine(arguments))[0];
    }

    protected override string GetToolName() => "df";

    protected override IEnumerable<string> GetToolExecutableNames() => ["df"];
}
