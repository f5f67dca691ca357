namespace Prewarm.Core.Docker;

/// <summary>What <c>docker version</c> says about one CLI and the engine it talks to.</summary>
public sealed record DockerVersion(string ClientVersion, string? ServerVersion, string? ServerOs, string? ServerArchitecture)
{
    /// <summary>The engine answered.</summary>
    public bool HasServer => ServerVersion is not null;

    /// <summary>
    /// Whether <c>DOCKER_BUILDKIT=1 docker build</c> uses the engine's integrated BuildKit. CLIs
    /// before 23.0 do; from 23.0 on <c>docker build</c> is buildx and refuses to run without it.
    /// </summary>
    public bool ClientSupportsIntegratedBuildKit => MajorVersion(ClientVersion) is > 0 and < 23;

    /// <summary>The engine's own platform: the only one the integrated BuildKit can build.</summary>
    public BuildPlatform? ServerPlatform =>
        ServerOs is null || ServerArchitecture is null ? null : BuildPlatform.FromEngine(ServerOs, ServerArchitecture);

    private static int MajorVersion(string version)
    {
        var digits = new string(version.TrimStart('v').TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;
    }
}
