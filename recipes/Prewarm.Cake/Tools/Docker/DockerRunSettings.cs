namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker run</c> of a one-off container, removed when it ends.</summary>
public sealed class DockerRunSettings : ToolSettings
{
    /// <summary><c>--rm</c>.</summary>
    public bool Remove { get; set; } = true;

    /// <summary><c>--platform</c>: a foreign one runs under binfmt emulation (and is pulled when the
    /// engine lacks it).</summary>
    public string? Platform { get; set; }
}
