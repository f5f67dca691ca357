namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker tag</c>: another name for an image the engine holds.</summary>
public sealed class DockerTagTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerTagSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>docker tag SOURCE TARGET</c>.</summary>
    public ToolResult Tag(string source, string target, DockerTagSettings settings) =>
        Execute(settings, new ProcessArgumentBuilder().Append("tag").AppendQuoted(source).AppendQuoted(target));
}
