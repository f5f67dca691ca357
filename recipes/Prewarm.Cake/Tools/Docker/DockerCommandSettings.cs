using Cake.Core.Tooling;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>Settings of a short docker command (version, image inspect, pull, buildx version).</summary>
public sealed class DockerCommandSettings : ToolSettings;
