namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker push</c>: an image from the engine to its registry.</summary>
public sealed class DockerPushTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerPushSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>docker push IMAGE</c>; progress lines go to <paramref name="onProgress"/>.</summary>
    public ToolResult Push(string image, DockerPushSettings settings, Action<string>? onProgress = null) =>
        Execute(settings, new ProcessArgumentBuilder().Append("push").AppendQuoted(image), onProgress);
}
