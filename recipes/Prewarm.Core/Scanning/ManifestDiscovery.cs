using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Scanning;

/// <summary>Finds every Cargo.toml under a repository root, skipping <c>target/</c>, <c>.git</c>,
/// vendored sources and git-ignored directories, following directory symlinks but failing on a
/// symlink loop. Manifests reached through a symlink into the repository itself are aliases of ones
/// found at their real place too; the scan loads them only where something refers to them.</summary>
public static class ManifestDiscovery
{
    /// <summary>Manifest paths relative to <paramref name="repoRoot"/> with '/' separators, sorted ordinally.</summary>
    public static IReadOnlyList<string> FindManifests(string repoRoot)
    {
        var root = Path.GetFullPath(repoRoot);
        using var rules = new IgnoreRules(root, CargoConfig.Read(root));
        return FindManifests(root, rules).All;
    }

    internal static DiscoveredManifests FindManifests(string root, IgnoreRules rules)
    {
        var found = new List<string>();
        var aliased = new HashSet<string>(StringComparer.Ordinal);
        var listings = new ListedDirectories();
        var real = ResolveReal(root, root);
        Walk(root, real, root, [real], aliased: false, rules, found, aliased, listings);
        found.Sort(StringComparer.Ordinal);
        return new DiscoveredManifests(found, aliased, listings);
    }

    private static void Walk(string root, string realRoot, string directory, List<string> ancestors, bool aliased, IgnoreRules rules, List<string> found, HashSet<string> aliases, ListedDirectories listings)
    {
        List<ListedEntry> entries;
        try
        {
            // One listing answers both questions (is there a Cargo.toml, which sub-directories are
            // links) that used to cost a call each per directory.
            var listed = DirectoryListing.Listed(directory);
            listings.Add(directory, listed);
            if (listings.FileExists(directory, "Cargo.toml"))
            {
                var manifest = ManifestPaths.Combine(ManifestPaths.Relative(root, directory), "Cargo.toml");
                found.Add(manifest);
                if (aliased)
                {
                    aliases.Add(manifest);
                }
            }

            // Sorted by path for a walk in one order whatever the listing's; paths in a listing are distinct.
            entries = new List<ListedEntry>();
            foreach (var entry in listed)
            {
                if (entry.IsDirectory)
                {
                    entries.Add(entry);
                }
            }

            entries.Sort(static (a, b) => string.CompareOrdinal(a.FullPath, b.FullPath));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableFileException(Display(root, directory), "permission denied", e);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException(Display(root, directory), $"cannot be listed ({e.Message})", e);
        }

        foreach (var (child, _, isLink) in entries)
        {
            if (rules.IsSkipped(child))
            {
                continue;
            }

            var real = isLink ? ResolveReal(root, child) : Path.GetFullPath(child);
            if (ancestors.Contains(real))
            {
                throw new WorkspaceLayoutException(Display(root, child), $"symbolic link loop: it leads back to {Display(root, real)}");
            }

            // A link into the repository shows again what the walk finds at the link's target.
            var alias = aliased || (isLink && FullPaths.IsSameOrInside(real, realRoot));
            ancestors.Add(real);
            Walk(root, realRoot, child, ancestors, alias, rules, found, aliases, listings);
            ancestors.RemoveAt(ancestors.Count - 1);
        }
    }

    /// <summary>The directory's real path (symlinks resolved), so a loop is seen as a repeat.</summary>
    private static string ResolveReal(string root, string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is null)
            {
                return info.FullName;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? info.FullName : Path.GetFullPath(target.FullName);
        }
        catch (IOException e)
        {
            // ELOOP: the link resolves into itself before reaching a directory.
            throw new WorkspaceLayoutException(Display(root, directory), $"symbolic link loop ({e.Message})");
        }
    }

    private static string Display(string root, string path)
    {
        var relative = ManifestPaths.Relative(root, path);
        return relative.Length == 0 ? "." : relative;
    }
}
