using Prewarm.Core.Cargo;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Scanning;

/// <summary>Builds the <see cref="CargoRepository"/> model of a repository root: finds manifests the
/// way cargo does (workspace members globs, <c>exclude</c>, path dependencies of members, standalone
/// packages), resolves inheritance and targets, and reads the lockfiles.</summary>
public static class RepositoryScanner
{
    /// <summary>Scans one repository root.</summary>
    /// <param name="repoRoot">The repository directory.</param>
    /// <param name="id">The repository id; defaults to the directory name lower-cased.</param>
    /// <param name="exclude">Repository-relative directories not searched for manifests (test data that is not a package).</param>
    public static CargoRepository Scan(string repoRoot, string? id = null, IReadOnlyList<string>? exclude = null)
    {
        var root = Path.GetFullPath(repoRoot);
        if (!Directory.Exists(root))
        {
            throw new UnreadableFileException(repoRoot, "repository directory does not exist");
        }

        using var session = new ScanSession(root, exclude);
        return session.Scan(id ?? RepositoryIds.Assign([root])[0]);
    }

    /// <summary>Scans several roots, giving each the artifacts contract's unique id in order. A failure
    /// is a <see cref="RepositoryScanException"/> whose message names the file by its absolute path, or
    /// a <see cref="ScanProblemsException"/> of them when there are several (all repositories are scanned).</summary>
    public static IReadOnlyList<CargoRepository> ScanAll(IReadOnlyList<string> repoRoots, IReadOnlyList<string>? exclude = null)
    {
        var ids = RepositoryIds.Assign(repoRoots);
        var repositories = new List<CargoRepository>();
        var problems = new List<PrewarmException>();
        for (var i = 0; i < repoRoots.Count; i++)
        {
            var root = Path.GetFullPath(repoRoots[i]);
            if (!Directory.Exists(root))
            {
                throw new UnreadableFileException(repoRoots[i], "repository directory does not exist");
            }

            try
            {
                repositories.Add(Scan(root, ids[i], exclude));
            }
            catch (PrewarmException e)
            {
                // The other repositories are scanned all the same: one run names every problem.
                problems.AddRange((e is ScanProblemsException several ? several.Problems : [e]).Select(p => new RepositoryScanException(root, p)));
            }
        }

        return problems.Count > 0 ? throw ScanProblemsException.Of(problems) : repositories;
    }
}
