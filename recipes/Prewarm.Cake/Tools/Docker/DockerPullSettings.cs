namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker pull</c>.</summary>
public sealed class DockerPullSettings : ToolSettings
{
    /// <summary><c>--quiet</c>: no progress bars, only the image's name.</summary>
    public bool Quiet { get; set; } = true;
}
