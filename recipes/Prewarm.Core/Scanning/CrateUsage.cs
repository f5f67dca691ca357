namespace Prewarm.Core.Scanning;

/// <summary>How one external crate (registry or git; path dependencies are the repositories' own
/// code and are left out) is used across every scanned repository.</summary>
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

    public int RepositoryCount => Repositories.Count;
    public int PackageCount => Packages.Count;
}
