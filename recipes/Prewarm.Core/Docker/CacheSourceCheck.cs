namespace Prewarm.Core.Docker;

/// <summary>
/// Reads <c>docker manifest inspect</c>'s answer for a <c>--cache-from</c> image. BuildKit itself only
/// logs "importing cache manifest … ERROR" and builds cold, so the Image task asks first: a registry
/// that does not answer stops the task before building; a missing image is said loudly.
/// </summary>
public static class CacheSourceCheck
{
    public static CacheSourceStatus Classify(int exitCode, string output)
    {
        if (exitCode == 0)
        {
            return CacheSourceStatus.Found;
        }

        return output.Contains("no such manifest", StringComparison.OrdinalIgnoreCase)
               || output.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase)
               || output.Contains("not found", StringComparison.OrdinalIgnoreCase)
            ? CacheSourceStatus.NotFound
            : CacheSourceStatus.Unreachable;
    }

    public static string NotFoundWarning(string reference) =>
        $"--cache-from {reference}: no such image in {PushFailure.RegistryOf(reference)} yet (a first run?): this build cannot use it and compiles cold; push the builder image (--push --cache-to=type=inline) so the next run finds it.";

    public static string UnreachableError(string reference, string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no output";
        return $"--cache-from {reference}: the registry {PushFailure.RegistryOf(reference)} cannot be read ({(line.Length > 200 ? line[..200] + "…" : line)}); fix the reference, start the registry, or docker login. Nothing was built.";
    }
}
