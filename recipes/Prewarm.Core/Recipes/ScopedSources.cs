using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>
/// What the real build of a member-scoped image (<c>--package</c>/<c>--bin</c>) needs of the repository:
/// the <see cref="Directories"/> of the selection's path-dependency closure and of the <c>[patch]</c>/<c>[replace]</c>
/// packages, and <see cref="Files"/>, the workspace roots' manifests with only those members and their
/// lockfiles with only what those members reach (as the skeleton's, but unmasked). An edit anywhere else
/// changes nothing the image is built from. Null (<see cref="For"/>) when the whole repository is needed:
/// no selection, or the root directory's package is in the closure.
/// </summary>
public sealed record ScopedSources(IReadOnlyList<string> Directories, IReadOnlyDictionary<string, string> Files)
{
    public static ScopedSources? For(CargoRepository repository, RecipeOptions selection)
    {
        if (!selection.IsFiltered)
        {
            return null;
        }

        var patched = SkeletonBuilder.PatchedDirectories(repository);
        var kept = MemberFilter.Closure(repository, MemberFilter.Select(repository, selection).Concat(repository.Packages.Where(p => patched.Contains(p.Directory))));
        var directories = kept.Select(p => p.Directory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (directories.Contains(""))
        {
            return null;
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var keptNames = kept.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var root in kept.Select(p => p.WorkspaceRoot).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var manifest = repository.Manifests.Single(m => m.Path == root);
            var document = repository.Documents.ToEdit(manifest);
            ManifestNormalizer.RestrictMembers(TomlDocuments.Table(document, "workspace")!, ManifestPaths.DirectoryOf(root), kept.Where(p => p.WorkspaceRoot == root).Select(p => p.Directory));
            files[root] = TomlDocuments.Serialize(document);
        }

        foreach (var package in kept)
        {
            if (repository.LockfileFor(package) is { } lockfile && !files.ContainsKey(lockfile.Path))
            {
                var text = File.ReadAllText(Path.Combine(repository.RootPath, lockfile.Path));
                files[lockfile.Path] = LockfileMasker.Mask(text, lockfile, new HashSet<string>(), keptNames);
            }
        }

        return new ScopedSources(directories, files);
    }
}
