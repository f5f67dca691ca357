using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>cargo's search for the workspace a package believes it is in: the nearest workspace root
/// above the package's directory whose <c>exclude</c> does not cover it.</summary>
internal static class EnclosingWorkspace
{
    public static CargoWorkspace? Of(string manifestPath, IEnumerable<CargoWorkspace> workspaces)
    {
        var directory = ManifestPaths.DirectoryOf(manifestPath);
        return workspaces
            .Where(w => w.Directory != directory && ManifestPaths.IsWithin(directory, w.Directory))
            .Where(w => !Excludes(w.Directory, w.MemberPatterns, w.Exclude, directory))
            .OrderByDescending(w => w.Directory.Length)
            .FirstOrDefault();
    }

    /// <summary>cargo's rule: under an <c>exclude</c> entry and not under a <c>members</c> entry
    /// (entries compared as path prefixes; a glob entry never matches as a prefix).</summary>
    public static bool Excludes(string workspaceDirectory, IReadOnlyList<string> members, IReadOnlyList<string> exclude, string directory) =>
        exclude.Any(e => ManifestPaths.IsWithin(directory, ManifestPaths.Resolve(workspaceDirectory, e)))
        && !members.Any(m => ManifestPaths.IsWithin(directory, ManifestPaths.Resolve(workspaceDirectory, m)));
}
