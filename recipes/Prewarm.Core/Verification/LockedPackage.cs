namespace Prewarm.Core.Verification;

/// <summary>A <c>[[package]]</c> of Cargo.lock; <see cref="Source"/> is null for path (workspace) crates.</summary>
public sealed record LockedPackage(string Name, string Version, string? Source);
