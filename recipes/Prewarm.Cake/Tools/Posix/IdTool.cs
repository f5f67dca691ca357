using System.Globalization;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;
using Prewarm.Core;

namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>id</c>: the numeric user or group id this build runs as.</summary>
public sealed class IdTool : PrewarmTool<IdSettings>
{
    public IdTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public static IdTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    public static ProcessArgumentBuilder Arguments(IdSettings settings) =>
        new ProcessArgumentBuilder().Append(settings.Group ? "-g" : "-u");

    public int Id(IdSettings settings)
    {
        var arguments = Arguments(settings);
        var output = ExecuteChecked(settings, arguments).Output.Trim();
        return int.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new PrewarmException($"{CommandLine(arguments)}: expected a number, got '{output}'");
    }

    protected override string GetToolName() => "id";

    protected override IEnumerable<string> GetToolExecutableNames() => ["id"];
}
