using Cake.Core;
using Cake.Core.Annotations;
using Prewarm.Cake.Tools.Process;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>Image builds from a Cake script, with the CLI and build mode Prewarm's Image task picks.</summary>
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
        DockerBuildxTool.For(context).Build(settings, onProgress);
}
