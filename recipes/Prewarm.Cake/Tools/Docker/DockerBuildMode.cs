namespace Prewarm.Cake.Tools.Docker;

/// <summary>How images get built on this machine.</summary>
public enum DockerBuildMode
{
    /// <summary><c>docker buildx build</c>: every feature.</summary>
    Buildx,

    /// <summary><c>DOCKER_BUILDKIT=1 docker build</c> on a CLI before 23.0: the engine's own
    /// BuildKit, native platform only.</summary>
    IntegratedBuildKit,
}
