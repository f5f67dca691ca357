namespace Prewarm.Core.Docker;

/// <summary>
/// What the Dockerfile task rendered for one repository (<c>docker/&lt;repo-id&gt;/dockerfile.json</c>):
/// the Image task and Verify read it instead of parsing the Dockerfile or re-reading arguments.
/// </summary>
public sealed record DockerfileRecord
{
    public required string BaseImage { get; init; }

    /// <summary>The organisation builder image the Dockerfile builds FROM (<c>--builder-image</c>), if any.</summary>
    public string? BuilderImage { get; init; }

    public required DependencyStorage DependencyStorage { get; init; }

    public required string Profile { get; init; }

    public required bool Sccache { get; init; }

    public required IReadOnlyList<string> Tiers { get; init; }

    /// <summary>Rendered with <c>--cross</c>: each platform's dependencies were compiled on the build
    /// platform for that platform's target triple (see <see cref="CrossTarget"/>).</summary>
    public bool Cross { get; init; }

    /// <summary>Rendered with a seed stage: the Image task names the previous image to start from.</summary>
    public bool Seed { get; init; }

    public required int Uid { get; init; }

    public required int Gid { get; init; }

    public static DockerfileRecord From(DockerfileOptions options) => new()
    {
        BaseImage = options.BaseImage,
        BuilderImage = options.BuilderImage,
        DependencyStorage = options.DependencyStorage,
        Profile = options.Profile,
        Sccache = options.Sccache,
        Tiers = options.Tiers,
        Cross = options.Cross,
        Seed = options.Seed,
        Uid = options.Uid,
        Gid = options.Gid,
    };
}
