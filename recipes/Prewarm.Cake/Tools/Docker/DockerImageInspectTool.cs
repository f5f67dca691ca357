using System.Globalization;
using System.Text.Json;

namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker image inspect [--format F] IMAGE</c>, one method a question; a failure means the
/// engine does not have the image.</summary>
public sealed class DockerImageInspectTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerImageInspectSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary>The engine has the image locally.</summary>
    public bool Exists(string image, DockerImageInspectSettings settings) => Inspect(image, null, settings).Succeeded;

    /// <summary><c>--format '{{json .}}'</c>: the whole record.</summary>
    public ToolResult Json(string image, DockerImageInspectSettings settings) => Inspect(image, "{{json .}}", settings);

    /// <summary><c>--format '{{.Size}}'</c>: the image's size in bytes (all its layers, the base
    /// image's included), or null when the engine does not have it.</summary>
    public long? Size(string image, DockerImageInspectSettings settings)
    {
        var result = Inspect(image, "{{.Size}}", settings);
        return result.Succeeded && long.TryParse(result.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary><c>--format '{{json .RepoDigests}}'</c>: registry digests the engine knows for the image
    /// (one per repository it was pushed to or pulled from).</summary>
    public IReadOnlyList<string> RepoDigests(string image, DockerImageInspectSettings settings)
    {
        var result = Inspect(image, "{{json .RepoDigests}}", settings);
        return result.Succeeded && result.Output.Trim() is { Length: > 0 } json && json != "null"
            ? JsonSerializer.Deserialize<List<string>>(json) ?? []
            : [];
    }

    private ToolResult Inspect(string image, string? format, DockerImageInspectSettings settings)
    {
        var args = new ProcessArgumentBuilder().Append("image").Append("inspect");
        if (format is not null)
        {
            args.AppendSwitchQuoted("--format", " ", format);
        }

        return Execute(settings, args.AppendQuoted(image));
    }
}
