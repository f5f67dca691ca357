namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker tag</c>.</summary>
public sealed class DockerTagSettings : ToolSettings;
