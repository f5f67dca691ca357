namespace Prewarm.Core.Docker;

/// <summary>Turns what <c>docker push</c> printed when it failed into one line naming the reference and the cause.</summary>
public static class PushFailure
{
    public static string Explain(string reference, string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var registry = RegistryOf(reference);
        string? Has(params string[] texts) =>
            lines.LastOrDefault(l => texts.Any(t => l.Contains(t, StringComparison.OrdinalIgnoreCase)));
        string cause;
        if (Has("connection refused", "no such host", "i/o timeout") is { } unreachable)
        {
            cause = $"the registry {registry} does not answer ({Short(unreachable)})";
        }
        else if (Has("denied", "unauthorized", "authentication required") is { } refused)
        {
            cause = $"the registry {registry} refused it ({Short(refused)}): log in with docker login {registry}, or check the repository's permissions";
        }
        else if (Has("server gave HTTP response to HTTPS client") is not null)
        {
            cause = $"the registry {registry} speaks plain HTTP: add it to the engine's insecure-registries (127.0.0.1 needs nothing)";
        }
        else if (Has("no space left on device") is { } full)
        {
            cause = $"no space left on device ({Short(full)})";
        }
        else
        {
            cause = Short(lines.LastOrDefault() ?? "no output");
        }

        return $"docker push {reference} failed: {cause}. Nothing more was pushed; the registry keeps its previous image and the artifacts their previous record.";
    }

    /// <summary>The registry host of an image reference (<see cref="ImageReference.Registry"/>).</summary>
    public static string RegistryOf(string reference) => ImageReference.Registry(reference);

    private static string Short(string line) => line.Length > 200 ? line[..200] + "…" : line;
}
