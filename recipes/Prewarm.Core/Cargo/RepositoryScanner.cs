using Prewarm.Core.Scanning;

namespace Prewarm.Core.Cargo;

/// <summary>Builds the <see cref="CargoRepository"/> model of a repository root: finds manifests the
/// way cargo does (workspace members globs, <c>exclude</c>, path dependencies of members, standalone
/// packages), resolves inheritance and targets, and reads the lockfiles.</summary>
public static class RepositoryScanner
{
    /// <summary>Scans one repository root.</summary>
    /// <param name="repoRoot">The repository directory.</param>
    /// <param name="id">The repository id; defaults to the directory name lower-cased.</param>
    public static CargoRepository Scan(string repoRoot, string? id = null)
    {
        var root = Path.GetFullPath(repoRoot);
        if (!Directory.Exists(root))
        {
            throw new UnreadableFileException(repoRoot, "repository directory does not exist");
        }

        using var session = new ScanSession(root);
        return session.Scan(id ?? RepositoryIds.Assign([root])[0]);
    }

    /// <summary>Scans several roots, giving each the artifacts contract's unique id in order.</summary>
    public static IReadOnlyList<CargoRepository> ScanAll(IReadOnlyList<string> repoRoots)
    {
        var ids = RepositoryIds.Assign(repoRoots);
        return repoRoots.Select((root, i) => Scan(root, ids[i])).ToList();
    }
}
