namespace Prewarm.Cake.Tools.Docker;

/// <summary>The docker CLI chosen to build with, how it builds, and the engine behind it.</summary>
public sealed record DockerEngine(FilePath Cli, DockerBuildMode Mode, DockerVersion Version, string? BuildxVersion)
{
    /// <summary>The engine's own platform.</summary>
    public BuildPlatform NativePlatform => Version.ServerPlatform
        ?? throw new Core.PrewarmException($"{Cli.FullPath} version: the engine did not report its platform.");

    /// <summary>Settings of one docker command, for this CLI.</summary>
    public TSettings Settings<TSettings>()
        where TSettings : ToolSettings, new() => new() { ToolPath = Cli };

    public override string ToString() => Mode == DockerBuildMode.Buildx
        ? $"{Cli.FullPath} {Version.ClientVersion} with buildx {BuildxVersion}, engine {Version.ServerVersion} ({NativePlatform})"
        : $"{Cli.FullPath} {Version.ClientVersion} with the engine's integrated BuildKit, engine {Version.ServerVersion} ({NativePlatform})";
}
