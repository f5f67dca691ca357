namespace Prewarm.Core.Settings;

/// <summary>Scan: repository-relative directories not searched for manifests (<c>exclude</c>).</summary>
public sealed record ScanSettings
{
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
