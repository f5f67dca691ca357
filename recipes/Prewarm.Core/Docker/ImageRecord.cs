namespace Prewarm.Core.Docker;

/// <summary>
/// The builder image the Image task built for one repository (<c>docker/&lt;repo-id&gt;/image.json</c>),
/// for Verify and for the user's CI: which engine has it, under which tags, whether they were
/// pushed (and their digests), and what the compiled dependencies cost in size over the base image.
/// </summary>
public sealed record ImageRecord
{
    /// <summary>The docker CLI that built it (Verify reads the image's build record with it).</summary>
    public required string Docker { get; init; }

    /// <summary>The first tag: the reference Verify reads.</summary>
    public required string Image { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>Per platform, the engine's image for it, when several platforms were built one by
    /// one (without buildx); <see cref="Image"/> is then the engine's own platform's.</summary>
    public IReadOnlyDictionary<string, string>? Images { get; init; }

    /// <summary>Every tag was pushed to its registry.</summary>
    public bool Pushed { get; init; }

    /// <summary>Registry digests (<c>repository@sha256:…</c>) of the pushed tags: for several platforms
    /// joined under one tag, the manifest list's, which resolves per platform as the tag does.</summary>
    public IReadOnlyList<string> Digests { get; init; } = [];

    /// <summary>Per platform, the registry digest of its own image, when several platforms were pushed
    /// one by one and joined (a runner that pins one platform pulls this).</summary>
    public IReadOnlyDictionary<string, string>? PlatformDigests { get; init; }

    public DependencyStorage DependencyStorage { get; init; }

    /// <summary>--cache-from images the registry did not have (the build could not use them); null when none.</summary>
    public IReadOnlyList<string>? CacheFromMissing { get; init; }

    /// <summary>Per platform, the image the dependency steps started from and why (<see cref="SeedImage"/>); null when the Dockerfile does not seed.</summary>
    public IReadOnlyDictionary<string, SeedImage>? Seeds { get; init; }

    public string? BaseImage { get; init; }

    public long? SizeBytes { get; init; }

    public long? BaseSizeBytes { get; init; }

    /// <summary>What the image adds to its base: toolchain set-up, compiled dependencies, the build.</summary>
    public long? SizeOverBaseBytes => SizeBytes is { } size && BaseSizeBytes is { } baseSize ? size - baseSize : null;
}
