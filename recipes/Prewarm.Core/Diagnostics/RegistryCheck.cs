namespace Prewarm.Core.Diagnostics;

/// <summary>
/// Whether the registry a <c>--push</c> goes to answers, from one request to its <c>/v2/</c>
/// endpoint (the distribution API's version check, which every registry serves).
/// </summary>
public static class RegistryCheck
{
    /// <summary>The URL to probe: plain HTTP for loopback registries (what dockerd allows without
    /// configuration), HTTPS for every other.</summary>
    public static Uri ProbeUri(string registry)
    {
        return new Uri($"{(Docker.ImageReference.IsLoopback(registry) ? "http" : "https")}://{registry}/v2/");
    }

    /// <summary>Doctor's finding for one push target's registry.</summary>
    /// <param name="registry">The registry host (and port) the tag names.</param>
    /// <param name="tag">The first --tag pushed there.</param>
    /// <param name="status">The HTTP status the registry answered with; null when it did not answer.</param>
    /// <param name="failure">Why it did not answer (connection refused, name not resolved, timeout).</param>
    public static DoctorFinding Finding(string registry, string tag, int? status, string? failure) => status switch
    {
        null => new DoctorFinding($"registry {registry}", DoctorSeverity.Problem,
            $"{registry} does not answer ({failure ?? "no response"}): pushing {tag} would fail; fix: start the registry or correct --tag"),
        401 => new DoctorFinding($"registry {registry}", DoctorSeverity.Ok,
            $"{registry} answers and asks for credentials: docker login {registry} before pushing {tag}"),
        >= 200 and < 300 => new DoctorFinding($"registry {registry}", DoctorSeverity.Ok, $"{registry} answers; {tag} can be pushed there"),
        _ => new DoctorFinding($"registry {registry}", DoctorSeverity.Warning,
            $"{registry} answered HTTP {status} to {ProbeUri(registry)}: it may not be an image registry"),
    };

    /// <summary>Each registry the tags push to (Docker Hub's API host for docker.io), with the first tag naming it.</summary>
    public static IReadOnlyList<(string Registry, string Tag)> Targets(IEnumerable<string> tags) =>
        tags.GroupBy(Docker.ImageReference.Registry, StringComparer.Ordinal)
            .Select(group => (group.Key == "docker.io" ? "registry-1.docker.io" : group.Key, group.First()))
            .ToList();

    /// <summary>Asks each registry the tags push to (10 s each) and reports how it answered.</summary>
    public static IEnumerable<DoctorFinding> Probe(IEnumerable<string> tags)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (registry, tag) in Targets(tags))
        {
            int? status = null;
            string? failure = null;
            try
            {
                using var answer = http.GetAsync(ProbeUri(registry)).GetAwaiter().GetResult();
                status = (int)answer.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e.InnerException?.Message ?? e.Message;
            }

            yield return Finding(registry, tag, status, failure);
        }
    }
}
