namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker buildx build</c>.</summary>
public sealed class DockerBuildxTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerBuildxBuildSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary>Builds; BuildKit's progress (stderr) goes to <paramref name="onProgress"/> line by line.</summary>
    public ToolResult Build(DockerBuildxBuildSettings settings, Action<string>? onProgress = null) =>
        Execute(settings, DockerBuildCommandLine.ForBuildx(settings), onProgress);
}
