namespace Prewarm.Core.Docker;

/// <summary>
/// Where the builder image keeps what the warmup tiers and the skeleton compiled (the target
/// directory) and the crates they were compiled from (cargo's registry and git checkouts).
/// </summary>
public enum DependencyStorage
{
    /// <summary>In the image's layers, one target directory per platform: pushed with the image,
    /// so a runner that pulls it (or uses it as --cache-from) builds warm. The default.</summary>
    Image,

    /// <summary>In BuildKit cache mounts: never in the image, never pushed or exported, and only
    /// on the machine that built it while BuildKit's garbage collection leaves it there. For a
    /// persistent self-hosted builder that rebuilds often, where the image should stay small.</summary>
    CacheMount,
}
