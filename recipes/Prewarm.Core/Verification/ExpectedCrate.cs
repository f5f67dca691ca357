namespace Prewarm.Core.Verification;

/// <summary>A crate that must be in the dependency tree at <see cref="Version"/> (from Cargo.lock;
/// null when the lock does not pin it, then any version is accepted).</summary>
public sealed record ExpectedCrate(string Name, string? Version);
