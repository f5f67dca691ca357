namespace Prewarm.Core.Cargo;

/// <summary>One Rust package (a manifest with a <c>[package]</c> table), inheritance resolved.</summary>
public sealed record CargoPackage
{
    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>The manifest, relative to the repository root with '/' separators (e.g. <c>crates/a/Cargo.toml</c>).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The package directory relative to the repository root; empty for the root.</summary>
    public string Directory => ManifestPaths.DirectoryOf(ManifestPath);

    public required string Edition { get; init; }
    public string? RustVersion { get; init; }
    public string? Links { get; init; }

    public IReadOnlyList<CargoDependency> Dependencies { get; init; } = [];
    public IReadOnlyList<CargoTarget> Targets { get; init; } = [];

    /// <summary><c>[features]</c> plus cargo's implicit feature per optional dependency not named with <c>dep:</c>; keys sorted ordinally.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Features { get; init; } = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The build script relative to the repository root, or null (none, or <c>build = false</c>).</summary>
    public string? BuildScript { get; init; }

    /// <summary>The manifest of the workspace this package belongs to, or null for a standalone package.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>For a package no workspace lists that cargo reads all the same inside a workspace's
    /// directory (a <c>[patch]</c>/<c>[replace]</c> path such as <c>vendor/foo</c>): that workspace's
    /// root manifest, whose <c>[workspace]</c> it inherits from. cargo never builds it on its own, so it
    /// is no root either; null otherwise.</summary>
    public string? InheritsFrom { get; init; }

    /// <summary><c>[patch]</c> entries of a standalone package (cargo applies them: the package is its
    /// own workspace root); null otherwise, a workspace keeps them on <see cref="CargoWorkspace"/>.</summary>
    public IReadOnlyList<CargoPatch>? Patches { get; init; }

    /// <summary><c>[replace]</c> entries of a standalone package; null otherwise, as <see cref="Patches"/>.</summary>
    public IReadOnlyList<CargoPatch>? Replacements { get; init; }

    /// <summary>True when this package's own manifest is also the workspace root.</summary>
    public bool IsWorkspaceRoot => WorkspaceRoot == ManifestPath;
}
