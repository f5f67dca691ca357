using System.Text.Json.Serialization;

namespace Prewarm.Core.Cargo;

/// <summary>A Cargo.toml found by discovery, with its text so later stages can re-parse and
/// normalise it without touching the disk again (the scan's own parse: <see cref="CargoRepository.Documents"/>).</summary>
public sealed record CargoManifest
{
    /// <summary>Relative to the repository root with '/' separators.</summary>
    public required string Path { get; init; }

    /// <summary>The manifest's text as read (UTF-8).</summary>
    [JsonIgnore]
    public string Text { get; init; } = string.Empty;

    public bool HasPackage { get; init; }
    public bool HasWorkspace { get; init; }
}
