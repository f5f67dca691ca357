namespace Prewarm.Cake.Tools.Docker;

/// <summary>The docker CLI from a Cake script: image builds with the CLI and build mode Prewarm's
/// Image task picks, and the short commands it asks questions with. Most are questions, so they
/// return what the CLI answered and the caller decides what a failure means.</summary>
[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    /// <summary>The docker CLI to build with (the first with buildx, else one old enough for the
    /// integrated BuildKit) and its engine; a dead daemon or no usable CLI is one line naming the fix.</summary>
    [CakeMethodAlias]
    public static DockerEngine DockerSelectEngine(this ICakeContext context, string? cli = null) =>
        new DockerEngineSelector(context).Select(cli);

    /// <summary><c>docker buildx build</c>; BuildKit's progress goes to <paramref name="onProgress"/> (else
    /// the verbose log). The result says whether it succeeded: the caller decides what a failure means.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerBuildxBuild(this ICakeContext context, DockerBuildxBuildSettings settings, Action<string>? onProgress = null) =>
        new DockerBuildxTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Build(settings, onProgress);

    /// <summary><c>DOCKER_BUILDKIT=1 docker build</c> for one platform; <paramref name="dropped"/> says what
    /// of the settings the integrated BuildKit could not honour.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerIntegratedBuild(this ICakeContext context, DockerBuildxBuildSettings settings, BuildPlatform platform, out IReadOnlyList<string> dropped, Action<string>? onProgress = null) =>
        new DockerIntegratedBuildTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Build(settings, platform, out dropped, onProgress);

    /// <summary><c>docker buildx inspect NAME</c>: the builder's driver, or null when there is no such builder.</summary>
    [CakeMethodAlias]
    public static string? DockerBuildxInspectDriver(this ICakeContext context, DockerBuildxBuilderSettings settings) => Builders(context).InspectDriver(settings);

    /// <summary><c>docker buildx create</c>; a refusal is one line naming the command.</summary>
    [CakeMethodAlias]
    public static void DockerBuildxCreate(this ICakeContext context, DockerBuildxBuilderSettings settings) => Builders(context).Create(settings);

    /// <summary><c>docker version</c>: the CLI's version and, if the engine answered, the engine's.</summary>
    [CakeMethodAlias]
    public static (DockerVersion? Version, ToolResult Result) DockerVersion(this ICakeContext context, DockerVersionSettings settings) => Versions(context).Version(settings);

    /// <summary><c>docker buildx version</c>, or null when the CLI has no buildx.</summary>
    [CakeMethodAlias]
    public static string? DockerBuildxVersion(this ICakeContext context, DockerVersionSettings settings) => Versions(context).BuildxVersion(settings);

    /// <summary><c>docker image inspect IMAGE</c> succeeded: the engine has the image locally.</summary>
    [CakeMethodAlias]
    public static bool DockerImageExists(this ICakeContext context, string image, DockerImageInspectSettings settings) => Images(context).Exists(image, settings);

    /// <summary><c>docker image inspect --format '{{json .}}' IMAGE</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerImageInspect(this ICakeContext context, string image, DockerImageInspectSettings settings) => Images(context).Json(image, settings);

    /// <summary>The image's size in bytes, or null when the engine does not have it.</summary>
    [CakeMethodAlias]
    public static long? DockerImageSize(this ICakeContext context, string image, DockerImageInspectSettings settings) => Images(context).Size(image, settings);

    /// <summary>The registry digests the engine knows for the image.</summary>
    [CakeMethodAlias]
    public static IReadOnlyList<string> DockerImageRepoDigests(this ICakeContext context, string image, DockerImageInspectSettings settings) => Images(context).RepoDigests(image, settings);

    /// <summary><c>docker pull IMAGE</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerPull(this ICakeContext context, string image, DockerPullSettings settings) =>
        new DockerPullTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Pull(image, settings);

    /// <summary><c>docker push IMAGE</c>; progress lines go to <paramref name="onProgress"/>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerPush(this ICakeContext context, string image, DockerPushSettings settings, Action<string>? onProgress = null) =>
        new DockerPushTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Push(image, settings, onProgress);

    /// <summary><c>docker tag SOURCE TARGET</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerTag(this ICakeContext context, string source, string target, DockerTagSettings settings) =>
        new DockerTagTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Tag(source, target, settings);

    /// <summary><c>docker manifest inspect -v IMAGE</c>: the registry's manifest (list) with each manifest's platform.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerManifestInspect(this ICakeContext context, string image, DockerManifestSettings settings) => Manifests(context).Inspect(image, settings);

    /// <summary><c>docker manifest create --amend LIST IMAGE…</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerManifestCreate(this ICakeContext context, string list, IEnumerable<string> images, DockerManifestSettings settings) => Manifests(context).Create(list, images, settings);

    /// <summary><c>docker manifest push --purge LIST</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerManifestPush(this ICakeContext context, string list, DockerManifestSettings settings) => Manifests(context).Push(list, settings);

    /// <summary>A file from the image, or null when it is not there (<c>docker run --entrypoint cat</c>).</summary>
    [CakeMethodAlias]
    public static string? DockerReadFile(this ICakeContext context, string image, string path, DockerRunSettings settings) => Runs(context).ReadFile(image, path, settings);

    /// <summary>The files a glob matches in the image, one after the other; null when none matches.</summary>
    [CakeMethodAlias]
    public static string? DockerReadFiles(this ICakeContext context, string image, string glob, DockerRunSettings settings) => Runs(context).ReadFiles(image, glob, settings);

    /// <summary>A shell script in the image (<c>docker run --entrypoint sh IMAGE -c SCRIPT</c>).</summary>
    [CakeMethodAlias]
    public static ToolResult DockerRunShell(this ICakeContext context, string image, string script, DockerRunSettings settings) => Runs(context).Shell(image, script, settings);

    private static DockerBuildxBuilderTool Builders(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    private static DockerVersionTool Versions(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    private static DockerImageInspectTool Images(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    private static DockerManifestTool Manifests(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    private static DockerRunTool Runs(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);
}
