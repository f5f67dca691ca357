using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>stat</c>: who owns a file or directory.</summary>
public sealed class StatTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<StatSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>stat -c "%u %g" "PATH"</c>.</summary>
    private static ProcessArgumentBuilder OwnerArguments(string path) =>
        new ProcessArgumentBuilder().Append("-c").AppendQuoted("%u %g").AppendQuoted(path);

    /// <summary>The numeric owner and group of <paramref name="path"/>.</summary>
    public (int Uid, int Gid) Owner(string path, StatSettings settings)
    {
        var arguments = OwnerArguments(path);
        return DoctorChecks.ParseOwner(ExecuteChecked(settings, arguments).Output, CommandLine(arguments));
    }

    protected override string GetToolName() => "stat";

    protected override IEnumerable<string> GetToolExecutableNames() => ["stat"];
}
