namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker pull</c>: an image from its registry into the engine.</summary>
public sealed class DockerPullTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerPullSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>docker pull [--quiet] IMAGE</c>.</summary>
    public ToolResult Pull(string image, DockerPullSettings settings) =>
        Execute(settings, new ProcessArgumentBuilder().Append("pull").AppendFlag(settings.Quiet, "--quiet").AppendQuoted(image));
}
