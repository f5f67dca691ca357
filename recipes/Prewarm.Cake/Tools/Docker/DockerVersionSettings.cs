namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker version</c> and <c>docker buildx version</c>: which CLI (<see cref="ToolSettings.ToolPath"/>) is asked.</summary>
public sealed class DockerVersionSettings : ToolSettings;
