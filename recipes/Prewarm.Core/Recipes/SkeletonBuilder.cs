using Prewarm.Core.Cargo;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Recipes;

/// <summary>Derives a repository's <see cref="Recipe"/> from discovery's model: the cargo-chef idea
/// (manifests + lockfile, no sources) with versions masked, metadata dropped and targets explicit,
/// so the recipe changes exactly when what dependencies compile to can change.</summary>
public static class SkeletonBuilder
{
    public static Recipe Build(CargoRepository repository, RecipeOptions? options = null)
    {
        options ??= new RecipeOptions();
        foreach (var package in repository.Packages.Where(p => IsOutside(p.ManifestPath)))
        {
            throw new PrewarmException($"{Path.Combine(repository.RootPath, package.ManifestPath)}: package {package.Name} lies outside the repository {repository.RootPath}; pass its common parent as --repo so the skeleton can include it");
        }

        var patched = PatchedDirectories(repository);
        var keepingShared = RootsKeepingSharedTables(repository, patched);
        var masked = MaskedVersionsOf(repository, UnmaskedDirectories(repository, patched, keepingShared));

        var kept = MemberFilter.Select(repository, options)
            .Concat(repository.Packages.Where(p => patched.Contains(p.Directory)))
            .Distinct<CargoPackage>(ReferenceEqualityComparer.Instance) // the same objects: no need to compare records member by member
            .ToList();
        var keptManifests = kept.Select(p => p.ManifestPath)
            .Concat(kept.Select(p => p.WorkspaceRoot).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var packagesByManifest = repository.Packages.ToDictionary(p => p.ManifestPath, StringComparer.Ordinal);

        RecipeManifest NormalizeOne(CargoManifest manifest)
        {
            var package = packagesByManifest.GetValueOrDefault(manifest.Path);
            IReadOnlyCollection<string>? keptMembers = options.IsFiltered && manifest.HasWorkspace
                ? kept.Where(p => p.WorkspaceRoot == manifest.Path).Select(p => p.Directory).ToList()
                : null;
            var normalized = ManifestNormalizer.Normalize(repository.Documents.ToEdit(manifest), manifest.Path, package, masked.Of, keptMembers, keepingShared.Contains(manifest.Path));

            // A patched package builds from its real sources, so it keeps its manifest as written: cargo
            // fingerprints how targets are declared, and the real build must find its units fresh.
            return package is not null && patched.Contains(package.Directory)
                ? normalized with { Contents = TomlText.NormalizeNewlines(manifest.Text) }
                : normalized;
        }

        // Each manifest is normalised on its own (its own table, shared sets only read), so on all cores.
        var manifests = OrderedParallel.Map(repository.Manifests.Where(m => !options.IsFiltered || keptManifests.Contains(m.Path)).ToList(), NormalizeOne);

        var keepRoots = options.IsFiltered ? kept.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) : null;
        var manifestDirectories = manifests.Select(m => ManifestPaths.DirectoryOf(m.RelativePath)).ToHashSet(StringComparer.Ordinal);
        string? rootLock = null;
        var nestedLocks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var lockfile in repository.Lockfiles.Where(l => manifestDirectories.Contains(ManifestPaths.DirectoryOf(l.Path))))
        {
            var text = LockfileMasker.Mask(ReadText(repository, lockfile.Path)!, lockfile, masked.ForLockfile(lockfile.Path), keepRoots);
            if (lockfile.Path == "Cargo.lock")
            {
                rootLock = text;
            }
            else
            {
                nestedLocks[lockfile.Path] = text;
            }
        }

        var patchedFiles = PatchedSources.Read(repository.RootPath, repository.Packages.Select(p => p.Directory).Where(patched.Contains));
        return new Recipe
        {
            Manifests = manifests.OrderBy(m => m.RelativePath, StringComparer.Ordinal).ToList(),
            ConfigFile = ConfigFileNames.Read(repository.RootPath, ConfigFileNames.CargoConfig) is { } config ? ReadText(repository, config) : null,
            LockFile = rootLock,
            RustToolchainFile = ConfigFileNames.Read(repository.RootPath, ConfigFileNames.RustToolchain) is { } toolchain
                ? new RustToolchainFile(toolchain.EndsWith(".toml", StringComparison.Ordinal), ReadText(repository, toolchain)!)
                : null,
            NestedLockFiles = nestedLocks,
            NestedConfigFiles = NestedConfigFiles(repository, manifestDirectories),
            PatchedSources = patchedFiles.Text,
            PatchedBinaries = patchedFiles.Base64,
        };
    }

    /// <summary>[patch]/[replace] paths of any workspace or lone package, repository-relative. They stand in for
    /// registry versions: their versions must keep matching the requirements they patch, so they are
    /// not masked, and registry crates compile against them, so their sources are carried for real.</summary>
    internal static IReadOnlySet<string> PatchedDirectories(CargoRepository repository) =>
        repository.Workspaces
            .SelectMany(w => w.Patches.Concat(w.Replacements))
            .Concat(repository.Packages.SelectMany(p => (p.Patches ?? []).Concat(p.Replacements ?? [])))
            .Select(p => p.Replacement.Path)
            .OfType<string>()
            .Select(ManifestPaths.Normalize)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The version each package of <paramref name="repository"/> carries in its skeleton (see <see cref="Recipes.MaskedVersions"/>).</summary>
    internal static MaskedVersions MaskedVersionsOf(CargoRepository repository)
    {
        var patched = PatchedDirectories(repository);
        return MaskedVersionsOf(repository, UnmaskedDirectories(repository, patched, RootsKeepingSharedTables(repository, patched)));
    }

    private static MaskedVersions MaskedVersionsOf(CargoRepository repository, IReadOnlySet<string> unmasked) =>
        MaskedVersions.Assign(repository, repository.Packages.Select(p => p.Directory).Where(d => !unmasked.Contains(d)).ToHashSet(StringComparer.Ordinal));

    /// <summary>Package directories whose versions stay as written: the patched ones and, transitively,
    /// every package they reach by a path dependency. A patched manifest is kept as written, so its
    /// version requirements on those packages must still match (sea-orm's root is patched by its
    /// examples and requires its macros crate at ~2.0).</summary>
    private static IReadOnlySet<string> UnmaskedDirectories(CargoRepository repository, IReadOnlySet<string> patched, IReadOnlySet<string> keepingShared)
    {
        var unmasked = ReachedByPath(repository, patched);

        // A root that keeps [workspace.package] as written keeps its version: so do the members inheriting it.
        var manifests = repository.Manifests.ToDictionary(m => m.Path, StringComparer.Ordinal);
        foreach (var package in repository.Packages.Where(p => p.WorkspaceRoot is { } root && keepingShared.Contains(root)))
        {
            if (TomlDocuments.Table(repository.Documents.ToEdit(manifests[package.ManifestPath]), "package") is { } table
                && table.TryGetValue("version", out var version) && version is Tomlyn.Model.TomlTable)
            {
                unmasked.Add(package.Directory);
            }
        }

        return unmasked;
    }

    /// <summary>The <paramref name="start"/> directories and every package directory they reach by path dependencies, transitively.</summary>
    internal static HashSet<string> ReachedByPath(CargoRepository repository, IEnumerable<string> start)
    {
        var byDirectory = repository.Packages.GroupBy(p => p.Directory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(start);
        while (pending.TryPop(out var directory))
        {
            if (!reached.Add(directory) || !byDirectory.TryGetValue(directory, out var package))
            {
                continue;
            }

            foreach (var dependency in package.Dependencies.Where(d => d.Path is not null))
            {
                pending.Push(ManifestPaths.Normalize(dependency.Path!));
            }
        }

        return reached;
    }

    /// <summary>Workspace roots with a patched member: its manifest is kept as written and may inherit
    /// anything from <c>[workspace.package]</c> and <c>[workspace.lints]</c> (rustls's lints, tauri's
    /// authors), so the root keeps both as written.</summary>
    private static IReadOnlySet<string> RootsKeepingSharedTables(CargoRepository repository, IReadOnlySet<string> patched) =>
        repository.Packages
            .Where(p => patched.Contains(p.Directory) && (p.WorkspaceRoot ?? p.InheritsFrom) is { } root && root != p.ManifestPath)
            .Select(p => (p.WorkspaceRoot ?? p.InheritsFrom)!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>cargo reads <c>.cargo/config</c> (or <c>config.toml</c>) of the directory it runs in and of
    /// every directory above it, rustup the nearest toolchain file: for each directory of the skeleton
    /// holding a manifest and each one above it but the root (the root's are cargo-chef's fields), the
    /// file cargo or rustup would read there, by repository-relative path.</summary>
    private static SortedDictionary<string, string> NestedConfigFiles(CargoRepository repository, IEnumerable<string> manifestDirectories)
    {
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in manifestDirectories)
        {
            var ancestor = directory;
            while (ancestor.Length > 0 && directories.Add(ancestor))
            {
                ancestor = ManifestPaths.DirectoryOf(ancestor);
            }
        }

        // Four lookups in each of thousands of directories, most of them finding nothing: on all cores.
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in OrderedParallel.Map(directories.ToList(), d => ConfigFilesIn(repository, d)).SelectMany(f => f))
        {
            files[path] = text;
        }

        return files;
    }

    private static List<(string Path, string Text)> ConfigFilesIn(CargoRepository repository, string directory)
    {
        var found = new List<(string, string)>();
        var full = Path.Combine(repository.RootPath, directory.Replace('/', Path.DirectorySeparatorChar));
        // Without a .cargo directory neither cargo config spelling can exist: one lookup instead of two.
        string[][] lookups = Directory.Exists(Path.Combine(full, ".cargo"))
            ? [ConfigFileNames.CargoConfig, ConfigFileNames.RustToolchain]
            : [ConfigFileNames.RustToolchain];
        foreach (var spellings in lookups)
        {
            if (ConfigFileNames.Read(full, spellings) is { } name)
            {
                var path = ManifestPaths.Combine(directory, name);
                found.Add((path, ReadText(repository, path)!));
            }
        }

        return found;
    }

    private static bool IsOutside(string relativePath) => relativePath == ".." || relativePath.StartsWith("../", StringComparison.Ordinal);

    private static string? ReadText(CargoRepository repository, string relativePath)
    {
        var full = Path.Combine(repository.RootPath, relativePath);
        try
        {
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PrewarmException($"{full}: cannot read: {e.Message}", e);
        }
    }
}
