namespace Prewarm.Core.Verification;

/// <summary>A dependency a repository's skeleton step had to compile although it built FROM a
/// builder image, and why the builder's copy did not serve.</summary>
public sealed record MissedUnit(string Name, string Version, string Reason);
