namespace Prewarm.Core.Recipes;

/// <summary>What cargo needs to build a repository's dependencies and nothing of its own code:
/// normalised manifests with their targets, the masked lockfile, cargo config and toolchain pin.
/// Serialises to cargo-chef's <c>recipe.json</c> with <see cref="RecipeJson"/>.</summary>
public sealed record Recipe
{
    /// <summary>Sorted by <see cref="RecipeManifest.RelativePath"/> (ordinal).</summary>
    public required IReadOnlyList<RecipeManifest> Manifests { get; init; }

    /// <summary><c>.cargo/config.toml</c> at the repository root, as written.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The root Cargo.lock with local package versions masked.</summary>
    public string? LockFile { get; init; }

    public RustToolchainFile? RustToolchainFile { get; init; }

    /// <summary>Lockfiles of other workspaces in the repository (masked), by relative path; the
    /// skeleton directory carries them, cargo-chef's format has room for the root one only.</summary>
    public IReadOnlyDictionary<string, string> NestedLockFiles { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Names of the packages whose sources are dummies (every <c>[package]</c> of the
    /// skeleton): their artifacts are deleted after cook.</summary>
    public IReadOnlyList<string> LocalPackages() =>
        Manifests
            .Select(m => TomlDocuments.Table(Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(m.Contents)!, "package"))
            .Select(p => p is not null && p.TryGetValue("name", out var name) ? name as string : null)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
