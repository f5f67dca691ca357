using System.Text.Json.Serialization;
using Prewarm.Core.Toml;
using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>A Cargo.toml found by discovery, with its text so later stages can re-parse and
/// normalise it without touching the disk again.</summary>
public sealed record CargoManifest
{
    /// <summary>Relative to the repository root with '/' separators.</summary>
    public required string Path { get; init; }

    /// <summary>The manifest's text as read (UTF-8).</summary>
    [JsonIgnore]
    public string Text { get; init; } = string.Empty;

    public bool HasPackage { get; init; }
    public bool HasWorkspace { get; init; }

    /// <summary>The scan's own parse of <see cref="Text"/>, not yet handed out (not serialised).</summary>
    internal ParsedDocumentSlot? Parsed { get; init; }

    /// <summary>A fresh, mutable parse of <see cref="Text"/> (no two calls return the same table), CRLF read
    /// as LF as the scan reads it. The first call takes the table the scan parsed, if it has one.</summary>
    public TomlTable ParseDocument() => Parsed?.Take() ?? TomlSerializer.Deserialize<TomlTable>(TomlText.NormalizeNewlines(Text))!;
}
