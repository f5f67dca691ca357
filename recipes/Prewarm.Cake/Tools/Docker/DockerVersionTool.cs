namespace Prewarm.Cake.Tools.Docker;

/// <summary>What a docker CLI and its engine are: <c>docker version</c>, <c>docker buildx version</c>.</summary>
public sealed class DockerVersionTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerVersionSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>docker version --format '{{json .}}'</c>: the CLI's version and, if the engine
    /// answered, its version and platform. The result keeps stderr for error messages.</summary>
    public (DockerVersion? Version, ToolResult Result) Version(DockerVersionSettings settings)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("version").AppendSwitchQuoted("--format", " ", "{{json .}}"));
        var json = result.StandardOutput.FirstOrDefault(l => l.StartsWith('{'));
        return (json is null ? null : DockerVersionParser.ParseVersionJson(json), result);
    }

    /// <summary><c>docker buildx version</c>: buildx's version, or null when this CLI has no buildx.</summary>
    public string? BuildxVersion(DockerVersionSettings settings)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("buildx").Append("version"));
        return result.Succeeded ? DockerVersionParser.ParseBuildxVersion(result.Output) : null;
    }
}
