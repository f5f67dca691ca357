using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>What the scanned repositories need of one external crate on one compatibility line (one row
/// per crate per line: <c>clap 3</c> and <c>clap 4</c>, <c>rand 0.7</c> and <c>rand 0.8</c> are separate):
/// the frequency data the tiers are chosen from. <see cref="Version"/> is the version on that line most
/// repositories locked (then the newest); <see cref="Locked"/> is its lockfile entry. Features, default
/// features, build-only and the repositories are taken from the uses a <c>cargo build</c> for the target
/// compiles; a row no such use reaches carries the reason in <see cref="LeftOut"/>.</summary>
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

    /// <summary>Distinct repositories whose <c>cargo build</c> compiles it as a direct dependency
    /// (dev-dependencies and dependencies of other platforms do not count).</summary>
    public int Repositories { get; init; }

    /// <summary>Ids of those repositories, sorted.</summary>
    public IReadOnlyList<string> RepositoryIds { get; init; } = [];

    /// <summary>Why no <c>cargo build</c> of the target compiles it: <c>dev-only</c>, <c>cfg(windows) only</c>
    /// (the platforms named, <c>, or dev-only</c> when dev-dependencies use it too); null when one does.</summary>
    public string? LeftOut { get; init; }

    /// <summary>True when a <c>cargo build</c> of some scanned repository compiles it.</summary>
    public bool Built => LeftOut is null;

    /// <summary>Seconds a <c>cargo build --timings</c> measured for it and its locked closure; null when unmeasured.</summary>
    public double? CompileSeconds { get; init; }

    /// <summary>The compatibility line of <see cref="Version"/> (<c>1</c>, <c>0.8</c>).</summary>
    public string Line => CompatibilityLine.Of(Version);

    /// <summary>Packages it pulls in (its locked transitive closure): the compile cost it saves.</summary>
    public int TransitiveSize { get; init; }

    /// <summary>False for catalog defaults used when nothing was scanned: <see cref="Version"/> is then a requirement, not a locked version.</summary>
    public bool FromLockfile { get; init; } = true;

    public bool Stable => CompatibilityLine.IsStable(Version);
}
