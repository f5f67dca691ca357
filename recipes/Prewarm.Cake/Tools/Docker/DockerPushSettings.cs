namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker push</c>.</summary>
public sealed class DockerPushSettings : ToolSettings;
