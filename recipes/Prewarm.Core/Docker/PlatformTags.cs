namespace Prewarm.Core.Docker;

/// <summary>
/// Without buildx each platform is built on its own and the engine's image store holds one image
/// per tag, so every platform gets a tag of its own (<c>r/x:1</c> → <c>r/x:1-linux-arm64</c>); the
/// pushed ones are then joined under the tag that was asked for.
/// </summary>
public static class PlatformTags
{
    public static string For(string tag, BuildPlatform platform)
    {
        var suffix = platform.ToString().Replace('/', '-');
        var slash = tag.LastIndexOf('/');
        var colon = tag.LastIndexOf(':');
        return colon > slash ? $"{tag}-{suffix}" : $"{tag}:latest-{suffix}";
    }
}
