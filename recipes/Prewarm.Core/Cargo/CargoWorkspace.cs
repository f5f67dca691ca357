namespace Prewarm.Core.Cargo;

/// <summary>A <c>[workspace]</c> root and what it shares with its members.</summary>
public sealed record CargoWorkspace
{
    /// <summary>The root manifest, relative to the repository root with '/' separators.</summary>
    public required string RootManifestPath { get; init; }

    public string Directory => ManifestPaths.DirectoryOf(RootManifestPath);

    /// <summary>True when the root manifest has no <c>[package]</c>.</summary>
    public bool IsVirtual { get; init; }

    public string? Resolver { get; init; }

    /// <summary>The <c>members</c> patterns as written.</summary>
    public IReadOnlyList<string> MemberPatterns { get; init; } = [];

    /// <summary>The <c>exclude</c> entries as written.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The <c>default-members</c> entries as written (empty when absent).</summary>
    public IReadOnlyList<string> DefaultMembers { get; init; } = [];

    /// <summary>Member manifests (root package included), relative to the repository root, sorted ordinally.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary><c>[workspace.dependencies]</c>, keyed by the key as written; paths relative to the repository root.</summary>
    public IReadOnlyDictionary<string, CargoDependency> Dependencies { get; init; } = new SortedDictionary<string, CargoDependency>(StringComparer.Ordinal);

    /// <summary><c>[workspace.package]</c> values rendered as strings (arrays joined with ", ") for inspection; inherited values are applied to packages already.</summary>
    public IReadOnlyDictionary<string, string> Package { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<CargoPatch> Patches { get; init; } = [];
    public IReadOnlyList<CargoPatch> Replacements { get; init; } = [];
}
