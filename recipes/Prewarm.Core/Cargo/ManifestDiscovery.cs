using Prewarm.Core.IO;

namespace Prewarm.Core.Cargo;

/// <summary>Finds every Cargo.toml under a repository root, skipping <c>target/</c>, <c>.git</c>,
/// vendored sources and git-ignored directories, following directory symlinks but failing on a
/// symlink loop.</summary>
public static class ManifestDiscovery
{
    /// <summary>Manifest paths relative to <paramref name="repoRoot"/> with '/' separators, sorted ordinally.</summary>
    public static IReadOnlyList<string> FindManifests(string repoRoot)
    {
        var root = Path.GetFullPath(repoRoot);
        using var rules = new IgnoreRules(root, CargoConfig.Read(root));
        return FindManifests(root, rules);
    }

    internal static IReadOnlyList<string> FindManifests(string root, IgnoreRules rules)
    {
        var found = new List<string>();
        Walk(root, root, [ResolveReal(root, root)], rules, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string root, string directory, List<string> ancestors, IgnoreRules rules, List<string> found)
    {
        IEnumerable<string> entries;
        try
        {
            if (File.Exists(Path.Combine(directory, "Cargo.toml")))
            {
                found.Add(ManifestPaths.Combine(ManifestPaths.Relative(root, directory), "Cargo.toml"));
            }

            entries = DirectoryListing.Directories(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableFileException(Display(root, directory), "permission denied", e);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException(Display(root, directory), $"cannot be listed ({e.Message})", e);
        }

        foreach (var child in entries)
        {
            if (rules.IsSkipped(child))
            {
                continue;
            }

            var real = ResolveReal(root, child);
            if (ancestors.Contains(real, StringComparer.Ordinal))
            {
                throw new WorkspaceLayoutException(Display(root, child), $"symbolic link loop: it leads back to {Display(root, real)}");
            }

            ancestors.Add(real);
            Walk(root, child, ancestors, rules, found);
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
