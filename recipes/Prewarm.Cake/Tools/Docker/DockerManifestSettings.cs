namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker manifest inspect|create|push</c>: a registry's manifest lists.</summary>
public sealed class DockerManifestSettings : ToolSettings
{
    /// <summary><c>--insecure</c>: the registry speaks plain HTTP (a loopback registry in tests and CI).</summary>
    public bool Insecure { get; set; }
}
