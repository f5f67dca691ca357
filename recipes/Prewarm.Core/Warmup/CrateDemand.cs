using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>What the scanned repositories need of one external crate version: the frequency data
/// the tiers are chosen from. <see cref="Locked"/> is the lockfile entry the version came from.</summary>
public sealed record CrateDemand
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required LockedPackage Locked { get; init; }

    /// <summary>The lockfile <see cref="Locked"/> is in (its graph gives the closure).</summary>
    public required Lockfile Lockfile { get; init; }

    /// <summary>Union of the features the repositories request, sorted.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>True when any dependent keeps default features (cargo unifies them on).</summary>
    public bool DefaultFeatures { get; init; }

    /// <summary>True when every use is a build-dependency: it is compiled for build scripts, with the build-override profile.</summary>
    public bool BuildOnly { get; init; }

    /// <summary>Distinct repositories depending on it directly.</summary>
    public int Repositories { get; init; }

    /// <summary>Packages it pulls in (its locked transitive closure): the compile cost it saves.</summary>
    public int TransitiveSize { get; init; }

    /// <summary>False for catalog defaults used when nothing was scanned: <see cref="Version"/> is then a requirement, not a locked version.</summary>
    public bool FromLockfile { get; init; } = true;

    public bool Stable => CompatibilityLine.IsStable(Version);
}
