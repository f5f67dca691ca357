namespace Prewarm.Core.Docker;

/// <summary>What an image reference says about where it lives (the distribution reference grammar).</summary>
public static class ImageReference
{
    /// <summary>The registry host: the first component when it has a dot, a colon or is localhost, else Docker Hub.</summary>
    public static string Registry(string reference)
    {
        var slash = reference.IndexOf('/');
        if (slash < 0)
        {
            return "docker.io";
        }

        var first = reference[..slash];
        return first.Contains('.') || first.Contains(':') || first == "localhost" ? first : "docker.io";
    }

    /// <summary>A registry on this machine's loopback: dockerd speaks plain HTTP to it without any
    /// setting, and the docker CLI's manifest commands need --insecure for it.</summary>
    public static bool IsLoopback(string registry) =>
        registry.Split(':')[0] is "localhost" or "127.0.0.1" or "[::1]";

    public static bool OnLoopbackRegistry(string reference) => IsLoopback(Registry(reference));

    /// <summary>The repository a reference names, without its tag or digest
    /// (<c>127.0.0.1:5000/org/app:v1</c> → <c>127.0.0.1:5000/org/app</c>): a registry's port is not a tag.</summary>
    public static string Repository(string reference)
    {
        var name = reference.Split('@', 2)[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}
