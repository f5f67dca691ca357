namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker image inspect</c>: what the engine knows of an image it holds. The
/// <c>--format</c> is the question's, chosen by <see cref="DockerImageInspectTool"/>.</summary>
public sealed class DockerImageInspectSettings : ToolSettings;
