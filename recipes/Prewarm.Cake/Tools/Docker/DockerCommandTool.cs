using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>The docker CLI's short commands Prewarm asks questions with.</summary>
public sealed class DockerCommandTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerCommandSettings>(fileSystem, environment, processRunner, tools, log)
{
    public static DockerCommandTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    /// <summary><c>docker version --format '{{json .}}'</c>: the CLI's version and, if the engine
    /// answered, its version and platform. The result keeps stderr for error messages.</summary>
    public (DockerVersion? Version, ToolResult Result) Version(DockerCommandSettings settings)
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

    /// <summary><c>docker run --rm [--platform P] --entrypoint sh IMAGE -c 'cat GLOB'</c>: the files a
    /// glob matches in the image, one after the other; null when none matches.</summary>
    public string? ReadFiles(DockerCommandSettings settings, string image, string glob, string? platform = null)
    {
        var args = new ProcessArgumentBuilder().Append("run").Append("--rm");
        if (platform is not null)
        {
            args.AppendSwitch("--platform", " ", platform);
        }

        var result = Execute(settings, args.Append("--entrypoint").Append("sh").AppendQuoted(image).Append("-c").AppendQuoted($"cat {glob}"));
        return result.Succeeded ? result.Output : null;
    }

    /// <summary><c>docker manifest inspect -v [--insecure] IMAGE</c>: the registry's manifest (list) with
    /// each manifest's platform.</summary>
    public ToolResult ManifestInspect(DockerCommandSettings settings, string image, bool insecure)
    {
        var args = new ProcessArgumentBuilder().Append("manifest").Append("inspect").Append("-v");
        if (insecure)
        {
            args.Append("--insecure");
        }

        return Execute(Experimental(settings), args.AppendQuoted(image));
    }

    /// <summary><c>docker image inspect --format '{{json .}}' IMAGE</c>.</summary>
    public ToolResult ImageInspect(DockerCommandSettings settings, string image) =>
        Execute(settings, new ProcessArgumentBuilder().Append("image").Append("inspect").AppendSwitchQuoted("--format", " ", "{{json .}}").AppendQuoted(image));

    /// <summary><c>docker run --rm [--platform P] --entrypoint cat IMAGE PATH</c>: a file from the image
    /// (a foreign platform's under binfmt emulation), or null when it is not there.</summary>
    public string? ReadFile(DockerCommandSettings settings, string image, string path, string? platform = null)
    {
        var args = new ProcessArgumentBuilder().Append("run").Append("--rm");
        if (platform is not null)
        {
            args.AppendSwitch("--platform", " ", platform);
        }

        var result = Execute(settings, args.Append("--entrypoint").Append("cat").AppendQuoted(image).AppendQuoted(path));
        return result.Succeeded ? result.Output : null;
    }

    /// <summary><c>docker run --rm --platform P --entrypoint sh IMAGE -c SCRIPT</c>: a shell script in
    /// the image for that platform (pulled when the engine lacks it).</summary>
    public ToolResult RunShell(DockerCommandSettings settings, string image, string platform, string script) =>
        Execute(settings, new ProcessArgumentBuilder().Append("run").Append("--rm").AppendSwitch("--platform", " ", platform)
            .Append("--entrypoint").Append("sh").AppendQuoted(image).Append("-c").AppendQuoted(script));

    /// <summary><c>docker tag SOURCE TARGET</c>.</summary>
    public ToolResult Tag(DockerCommandSettings settings, string source, string target) =>
        Execute(settings, new ProcessArgumentBuilder().Append("tag").AppendQuoted(source).AppendQuoted(target));

    /// <summary><c>docker pull IMAGE</c>.</summary>
    public ToolResult Pull(DockerCommandSettings settings, string image) =>
        Execute(settings, new ProcessArgumentBuilder().Append("pull").Append("--quiet").AppendQuoted(image));

    /// <summary><c>docker push IMAGE</c>; progress lines go to <paramref name="onProgress"/>.</summary>
    public ToolResult Push(DockerCommandSettings settings, string image, Action<string>? onProgress = null) =>
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

    /// <summary><c>docker manifest create --amend [--insecure] LIST IMAGE…</c>: a multi-platform tag from
    /// per-platform images already in the registry (the CLI reads them there). Plain-HTTP loopback
    /// registries need <c>--insecure</c>.</summary>
    public ToolResult ManifestCreate(DockerCommandSettings settings, string list, IEnumerable<string> images, bool insecure)
    {
        var args = new ProcessArgumentBuilder().Append("manifest").Append("create").Append("--amend");
        if (insecure)
        {
            args.Append("--insecure");
        }

        args.AppendQuoted(list);
        foreach (var image in images)
        {
            args.AppendQuoted(image);
        }

        return Execute(Experimental(settings), args);
    }

    /// <summary><c>docker manifest push --purge [--insecure] LIST</c>.</summary>
    public ToolResult ManifestPush(DockerCommandSettings settings, string list, bool insecure)
    {
        var args = new ProcessArgumentBuilder().Append("manifest").Append("push").Append("--purge");
        if (insecure)
        {
            args.Append("--insecure");
        }

        return Execute(Experimental(settings), args.AppendQuoted(list));
    }

    /// <summary>CLIs before 20.10's GA of <c>docker manifest</c> need it switched on.</summary>
    private static DockerCommandSettings Experimental(DockerCommandSettings settings)
    {
        settings.EnvironmentVariables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        settings.EnvironmentVariables["DOCKER_CLI_EXPERIMENTAL"] = "enabled";
        return settings;
    }
}
