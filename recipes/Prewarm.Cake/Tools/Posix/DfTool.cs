using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>df</c>: the free space of the file system holding a path.</summary>
public sealed class DfTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<DfSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>df -Pk "PATH"</c>.</summary>
    private static ProcessArgumentBuilder Arguments(string path) => new ProcessArgumentBuilder().Append("-Pk").AppendQuoted(path);

    /// <summary>The file system <paramref name="path"/> (which must exist) lies on.</summary>
    public DiskSpace Usage(string path, DfSettings settings)
    {
        var arguments = Arguments(path);
        return DfParser.Parse(ExecuteChecked(settings, arguments).Output, CommandLine(arguments))[0];
    }

    protected override string GetToolName() => "df";

    protected override IEnumerable<string> GetToolExecutableNames() => ["df"];
}
