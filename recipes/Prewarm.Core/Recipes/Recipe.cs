using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>What cargo needs to build a repository's dependencies and nothing of its own code:
/// normalised manifests with their targets, the masked lockfile, cargo config and toolchain pin.
/// Serialises to cargo-chef's <c>recipe.json</c> with <see cref="RecipeJson"/>.</summary>
public sealed record Recipe
{
    /// <summary>Sorted by <see cref="RecipeManifest.RelativePath"/> (ordinal).</summary>
    public required IReadOnlyList<RecipeManifest> Manifests { get; init; }

    /// <summary>The cargo configuration at the repository root, as written: <c>.cargo/config</c> or else
    /// <c>.cargo/config.toml</c>, the one cargo reads (the skeleton writes it as <c>.cargo/config.toml</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The root Cargo.lock with local package versions masked.</summary>
    public string? LockFile { get; init; }

    public RustToolchainFile? RustToolchainFile { get; init; }

    /// <summary>Lockfiles of other workspaces in the repository (masked), by relative path; the
    /// skeleton directory carries them, cargo-chef's format has room for the root one only.</summary>
    public IReadOnlyDictionary<string, string> NestedLockFiles { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>.cargo/config</c>/<c>config.toml</c> and <c>rust-toolchain</c>/<c>rust-toolchain.toml</c>
    /// files cargo and rustup read in the skeleton's directories below the root (a nested workspace's own
    /// target or <c>[env]</c>), one spelling per directory, by relative path.</summary>
    public IReadOnlyDictionary<string, string> NestedConfigFiles { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The real files of <c>[patch]</c>/<c>[replace]</c> path packages by relative path (see
    /// <see cref="Recipes.PatchedSources"/>); written only when there are any, so other recipes keep
    /// cargo-chef's exact shape.</summary>
    public IReadOnlyDictionary<string, string> PatchedSources { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The files of those packages that are not UTF-8 text, in base64, by relative path.</summary>
    public IReadOnlyDictionary<string, string> PatchedBinaries { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Names of the packages whose sources are dummies (every <c>[package]</c> of the
    /// skeleton but the patched ones, which are real): their artifacts are deleted after cook.</summary>
    public IReadOnlyList<string> LocalPackages() =>
        Manifests
            .Where(m => !IsPatched(ManifestPaths.DirectoryOf(m.RelativePath)))
            .Select(m => m.PackageName ?? NameIn(m.Contents))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? NameIn(string contents) =>
        TomlDocuments.Table(Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(contents)!, "package") is { } package
        && package.TryGetValue("name", out var name) ? name as string : null;

    /// <summary>Directories below the root where the skeleton carries a toolchain file (<see cref="NestedConfigFiles"/>):
    /// rustup takes the nearest one, so a nested workspace there builds with its own pin. Sorted.</summary>
    public IReadOnlyList<string> NestedToolchainDirectories() =>
        NestedConfigFiles.Keys
            .Where(p => ConfigFileNames.RustToolchain.Contains(p[(p.LastIndexOf('/') + 1)..]))
            .Select(ManifestPaths.DirectoryOf)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Directories of the packages whose sources are real (<see cref="PatchedSources"/>), sorted.</summary>
    public IReadOnlyList<string> PatchedDirectories() =>
        Manifests.Select(m => ManifestPaths.DirectoryOf(m.RelativePath)).Where(IsPatched).Distinct().Order(StringComparer.Ordinal).ToList();

    private bool IsPatched(string directory) =>
        directory.Length > 0 && PatchedSources.Keys.Concat(PatchedBinaries.Keys).Any(p => p.StartsWith(directory + "/", StringComparison.Ordinal));
}
