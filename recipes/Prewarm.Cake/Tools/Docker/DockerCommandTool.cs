using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>The docker CLI's short commands Prewarm asks questions with.</summary>
public sealed class DockerCommandTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : DockerToolBase<DockerCommandSettings>(fileSystem, environment, processRunner, tools)
{
    /// <summary><c>docker version --format '{{json .}}'</c>: the CLI's version and, if the engine
    /// answered, its version and platform. The result keeps stderr for error messages.</summary>
    public (DockerVersion? Version, DockerRunResult Result) Version(DockerCommandSettings settings)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("version").AppendSwitchQuoted("--format", " ", "{{json .}}"));
        var json = result.StandardOutput.FirstOrDefault(l => l.StartsWith('{'));
        return (json is null ? null : DockerVersionParser.ParseVersionJson(json), result);
    }

    /// <summary><c>docker buildx version</c>: buildx's version, or null when this CLI has no buildx.</summary>
    public string? BuildxVersion(DockerCommandSettings settings)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("buildx").Append("version"));
        return result.Succeeded ? DockerVersionParser.ParseBuildxVersion(result.Output) : null;
    }

    /// <summary><c>docker image inspect IMAGE</c> succeeded: the engine has the image locally.</summary>
    public bool ImageExists(DockerCommandSettings settings, string image) =>
        Execute(settings, new ProcessArgumentBuilder().Append("image").Append("inspect").AppendQuoted(image)).Succeeded;

    /// <summary><c>docker run --rm --entrypoint cat IMAGE PATH</c>: a file from the image, or null when it is not there.</summary>
    public string? ReadFile(DockerCommandSettings settings, string image, string path)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("run").Append("--rm").Append("--entrypoint").Append("cat").AppendQuoted(image).AppendQuoted(path));
        return result.Succeeded ? result.Output : null;
    }

    /// <summary><c>docker pull IMAGE</c>.</summary>
    public DockerRunResult Pull(DockerCommandSettings settings, string image) =>
        Execute(settings, new ProcessArgumentBuilder().Append("pull").Append("--quiet").AppendQuoted(image));

    /// <summary><c>docker push IMAGE</c>; progress lines go to <paramref name="onProgress"/>.</summary>
    public DockerRunResult Push(DockerCommandSettings settings, string image, Action<string>? onProgress = null) =>
        Execute(settings, new ProcessArgumentBuilder().Append("push").AppendQuoted(image), onProgress);

    /// <summary><c>docker image inspect --format '{{.Size}}' IMAGE</c>: the image's size in bytes
    /// (all its layers, the base image's included), or null when the engine does not have it.</summary>
    public long? ImageSize(DockerCommandSettings settings, string image)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("image").Append("inspect").AppendSwitchQuoted("--format", " ", "{{.Size}}").AppendQuoted(image));
        return result.Succeeded && long.TryParse(result.Output.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary><c>docker image inspect --format '{{json .RepoDigests}}' IMAGE</c>: registry digests the
    /// engine knows for the image (one per repository it was pushed to or pulled from).</summary>
    public IReadOnlyList<string> RepoDigests(DockerCommandSettings settings, string image)
    {
        var result = Execute(settings, new ProcessArgumentBuilder().Append("image").Append("inspect").AppendSwitchQuoted("--format", " ", "{{json .RepoDigests}}").AppendQuoted(image));
        return result.Succeeded && result.Output.Trim() is { Length: > 0 } json && json != "null"
            ? System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? []
            : [];
    }
}
