using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>The Image task's options (see README, "## Docker").</summary>
internal sealed record ImageOptions
{
    /// <summary>Platforms to build; empty means the engine's own.</summary>
    public IReadOnlyList<BuildPlatform> Platforms { get; init; } = [];

    /// <summary>Tags; empty means <c>prewarm/&lt;repo-id&gt;-builder:latest</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<CacheSpec> CacheFrom { get; init; } = [];

    public IReadOnlyList<CacheSpec> CacheTo { get; init; } = [];

    public IReadOnlyList<SecretSpec> Secrets { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> BuildArgs { get; init; } = [];

    public bool Push { get; init; }

    public bool Load { get; init; }

    public string? Builder { get; init; }

    public string Progress { get; init; } = "plain";

    /// <summary>A docker CLI to use instead of searching PATH (<c>--docker</c>).</summary>
    public string? DockerCli { get; init; }

    /// <summary>auto, directive or builtin: what to do with the <c># syntax=</c> line when the
    /// engine's integrated BuildKit builds (see <see cref="ImageBuild"/>).</summary>
    public string Frontend { get; init; } = "auto";

    public string? ImageVersion { get; init; }

    public string? SourceUrl { get; init; }

    public IReadOnlyList<string> TagsFor(string repositoryId) =>
        Tags.Count > 0 ? Tags : [$"prewarm/{repositoryId}-builder:latest"];
}
