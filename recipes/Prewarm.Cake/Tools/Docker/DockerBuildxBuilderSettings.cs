namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker buildx create</c>: a builder instance.</summary>
public sealed class DockerBuildxBuilderSettings : ToolSettings
{
    public required string Name { get; set; }

    /// <summary><c>--driver</c>: docker-container runs BuildKit in a container and can build and
    /// export several platforms at once, which the docker driver cannot.</summary>
    public string Driver { get; set; } = "docker-container";

    /// <summary><c>--platform</c>: platforms the builder announces.</summary>
    public List<Core.Docker.BuildPlatform> Platforms { get; set; } = [];

    /// <summary><c>--bootstrap</c>: start the builder now, so a failure shows here and not mid-build.</summary>
    public bool Bootstrap { get; set; } = true;
}
