namespace Prewarm.Tests.Support;

/// <summary>
/// The local image registry tests/setup.sh starts (tests/registry.sh, Debian's docker-registry on
/// 127.0.0.1:5000) and the multi-platform base image it publishes there. Missing where CI requires
/// Docker: the test fails; elsewhere it is skipped.
/// </summary>
internal static class LocalRegistry
{
    public const string Address = "127.0.0.1:5000";
    public const string BaseImage = Address + "/prewarm/rust-base:bookworm";

    /// <summary>For --cross: amd64 with arm64's cross linker and Rust standard library, and the arm64
    /// image (tests/base-image/build.sh).</summary>
    public const string CrossBaseImage = Address + "/prewarm/rust-base:bookworm-cross";

    public static async Task EnsureAsync()
    {
        await DockerRequirement.EnsureAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string? why = null;
        try
        {
            using var answer = await http.GetAsync($"http://{Address}/v2/");
            if (!answer.IsSuccessStatusCode)
            {
                why = $"the registry at {Address} answered {(int)answer.StatusCode}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            why = $"no registry answers at {Address} ({e.Message}); tests/setup.sh starts one (tests/registry.sh)";
        }

        if (why is null && (await DockerRequirement.RunAsync("manifest", "inspect", "--insecure", BaseImage)).ExitCode != 0
            && (await DockerRequirement.RunAsync("pull", "-q", BaseImage)).ExitCode != 0)
        {
            why = $"{BaseImage} is not in the registry; tests/setup.sh publishes it (tests/base-image/build.sh)";
        }

        if (why is not null)
        {
            if (DockerRequirement.Required)
            {
                Assert.Fail($"The local registry is required here (PREWARM_REQUIRE_DOCKER=1) but {why}");
            }

            Assert.Ignore($"Local registry not available: {why}");
        }
    }

    /// <summary>The digest the registry serves a tag of its under (Docker-Content-Digest), list or image.</summary>
    public static async Task<string> DigestAsync(string reference)
    {
        var repository = Prewarm.Core.Docker.ImageReference.Repository(reference);
        var tag = reference[(repository.Length + 1)..];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{Address}/v2/{repository[(Address.Length + 1)..]}/manifests/{tag}");
        foreach (var type in new[] { "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.v2+json" })
        {
            request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(type));
        }

        using var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return answer.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
