namespace Prewarm.Core.Settings;

/// <summary>Cook: where cargo builds and whether it may use the network.</summary>
public sealed record CookSettings
{
    /// <summary>Absolute <c>target-dir</c>, else <c>CARGO_TARGET_DIR</c>; null for each repository's own <c>target/</c>.</summary>
    public string? TargetDirectory { get; init; }

    public bool Offline { get; init; }

    /// <summary>The one fallback chain for cargo's target directory, for Cook, Verify and Doctor alike:
    /// <c>--target-dir</c>, else <c>CARGO_TARGET_DIR</c>, else <c>&lt;repo&gt;/target</c>.</summary>
    public string TargetDirectoryFor(string repository) => TargetDirectory ?? Path.Combine(repository, "target");
}
