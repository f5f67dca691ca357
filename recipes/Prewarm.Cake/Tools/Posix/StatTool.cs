using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>stat</c>: who owns a file or directory.</summary>
public sealed class StatTool : PrewarmTool<StatSettings>
{
    public StatTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public static StatTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    /// <summary><c>stat -c "%u %g" "PATH"</c>.</summary>
    public static ProcessArgumentBuilder OwnerArguments(string path) =>
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
