namespace Prewarm.Core.Settings;

/// <summary>Cook: where cargo builds and whether it may use the network.</summary>
public sealed record CookSettings
{
    /// <summary>Absolute <c>target-dir</c>; null for each repository's own <c>target/</c>.</summary>
    public string? TargetDirectory { get; init; }

    public bool Offline { get; init; }

    public string TargetDirectoryFor(string repository) => TargetDirectory ?? Path.Combine(repository, "target");
}
