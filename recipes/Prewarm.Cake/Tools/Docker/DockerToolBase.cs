namespace Prewarm.Cake.Tools.Docker;

/// <summary>The docker CLI (<see cref="ToolSettings.ToolPath"/> names which one). Most docker commands
/// are questions (is the image there? is the engine up?), so the wrappers return the
/// <see cref="ToolResult"/> and the caller turns a failure into a one-line message of its own.</summary>
public abstract class DockerToolBase<TSettings>(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<TSettings>(fileSystem, environment, processRunner, tools, log)
    where TSettings : ToolSettings
{
    protected override string GetToolName() => "docker";

    protected override IEnumerable<string> GetToolExecutableNames() => ["docker"];
}
