using System.Text.Json;
using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>Parses <c>docker version --format '{{json .}}'</c> and <c>docker buildx version</c>.</summary>
public static partial class DockerVersionParser
{
    /// <summary>The JSON <c>docker version --format '{{json .}}'</c> prints; <c>"Server": null</c>
    /// (the engine did not answer) gives a version without server.</summary>
    public static DockerVersion ParseVersionJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var client = root.GetProperty("Client");
            var clientVersion = client.GetProperty("Version").GetString() ?? string.Empty;
            if (!root.TryGetProperty("Server", out var server) || server.ValueKind != JsonValueKind.Object)
            {
                return new DockerVersion(clientVersion, null, null, null);
            }

            return new DockerVersion(
                clientVersion,
                String(server, "Version"),
                String(server, "Os"),
                String(server, "Arch"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PrewarmException($"docker version: unexpected output ({e.Message}).", e);
        }
    }

    /// <summary>The version in <c>github.com/docker/buildx v0.11.2 9872040</c>; null when the
    /// output is not buildx's (e.g. "docker: 'buildx' is not a docker command.").</summary>
    public static string? ParseBuildxVersion(string output)
    {
        var match = BuildxVersion().Match(output);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\S*buildx\S*\s+v?(\d+\.\d+\.\d+\S*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BuildxVersion();
}
