using System.Text.Json.Serialization;

namespace Prewarm.Core.Docker;

/// <summary>One target of a <c>docker-bake.json</c>: the same build the Image task runs, for
/// <c>docker buildx bake</c>. Paths are relative (context to the bake file's directory, dockerfile
/// to the context), so the file does not depend on where the artifacts are.</summary>
public sealed record BakeTarget
{
    [JsonPropertyName("context")]
    public required string Context { get; init; }

    [JsonPropertyName("dockerfile")]
    public required string Dockerfile { get; init; }

    [JsonPropertyName("target")]
    public string? Target { get; init; }

    [JsonPropertyName("platforms")]
    public IReadOnlyList<string> Platforms { get; init; } = [];

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [JsonPropertyName("labels")]
    public SortedDictionary<string, string> Labels { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("args")]
    public SortedDictionary<string, string> Args { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("cache-from")]
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    [JsonPropertyName("cache-to")]
    public IReadOnlyList<string> CacheTo { get; init; } = [];

    /// <summary>Secret specifications (ids and where they come from, never their values).</summary>
    [JsonPropertyName("secret")]
    public IReadOnlyList<string> Secret { get; init; } = [];

    [JsonPropertyName("output")]
    public IReadOnlyList<string> Output { get; init; } = [];
}
