namespace Prewarm.Core.Scanning;

/// <summary>How one external crate (registry or git; path dependencies are the repositories' own
/// code and are left out) is used across every scanned repository, on one compatibility line: two
/// major versions (for 0.x: two minor versions, as cargo counts them) are two rows of the same name.</summary>
public sealed record CrateUsage
{
    public required string Name { get; init; }

    /// <summary>Ids of the repositories with at least one package depending on the crate, sorted.</summary>
    public required IReadOnlyList<string> Repositories { get; init; }

    /// <summary><c>repo-id/package-name</c> of every dependent package, sorted.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    /// <summary>"normal", "dev", "build" — each kind the crate is used as, sorted.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>Union of the features requested anywhere, sorted.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>True when any dependent keeps the crate's default features.</summary>
    public required bool DefaultFeatures { get; init; }

    /// <summary>Distinct version requirements as cargo prints them, sorted.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }

    /// <summary>Versions the lockfiles resolve those requirements to, sorted.</summary>
    public required IReadOnlyList<string> LockedVersions { get; init; }

    /// <summary>Distinct sources (crates.io, git URLs, other registries), sorted.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The most packages the crate brings into a build: itself plus its locked transitive
    /// dependencies (largest over its locked versions); null when no lockfile knows it.</summary>
    public int? TransitiveSize { get; init; }

    /// <summary>Cargo's compatibility line of the locked versions (<c>1</c>, <c>0.8</c>; from the
    /// requirement when no lockfile knows it, <c>*</c> for an unbounded one).</summary>
    public string Line { get; init; } = "";

    /// <summary>Ids of the repositories whose <c>cargo build</c> for the build target compiles it (dev-dependencies
    /// and dependencies of other platforms, <c>[target.'cfg(windows)'.dependencies]</c>, do not count), sorted.
    /// The tiers rank by their number.</summary>
    public IReadOnlyList<string> BuildRepositories { get; init; } = [];

    /// <summary>The warmup tier that took it; null when none did.</summary>
    public string? Tier { get; init; }

    /// <summary>Why: <c>core: used by 7 of 10 repositories</c>, <c>left out: dev-only</c>,
    /// <c>left out: cfg(windows) only</c>, <c>left out: tier cap 40 reached (core; …)</c>.</summary>
    public string TierReason { get; init; } = "";

    /// <summary>Its place in the tiers' ranking of built crates (1 = first); null when no build compiles it.</summary>
    public int? TierRank { get; init; }

    /// <summary>Seconds a <c>cargo build --timings</c> report (<c>--tier-timings</c>) measured for it and its locked closure; absent when unmeasured.</summary>
    public double? CompileSeconds { get; init; }

    public int RepositoryCount => Repositories.Count;
    public int PackageCount => Packages.Count;
}
