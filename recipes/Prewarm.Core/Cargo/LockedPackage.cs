namespace Prewarm.Core.Cargo;

/// <summary>A <c>[[package]]</c> entry of Cargo.lock.</summary>
public sealed record LockedPackage
{
    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>e.g. <c>registry+https://github.com/rust-lang/crates.io-index</c>; null for workspace/path packages.</summary>
    public string? Source { get; init; }

    /// <summary>The SHA-256 checksum (from the entry, or for v1 lockfiles from <c>[metadata]</c>).</summary>
    public string? Checksum { get; init; }

    /// <summary>Dependency references as written: <c>name</c>, <c>name version</c> or <c>name version (source)</c>.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Cargo's unambiguous spelling: <c>name version (source)</c>, or <c>name version</c> without a source.</summary>
    public string Id => Source is null ? $"{Name} {Version}" : $"{Name} {Version} ({Source})";
}
