using LibGit2Sharp;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>Directories manifest discovery must not enter: build output (<c>target/</c>), <c>.git</c>,
/// vendored sources (a <c>directory</c>/<c>local-registry</c> source replacement in the
/// repository's <c>.cargo/config.toml</c>), anything git ignores and the directories the user excludes.</summary>
internal sealed class IgnoreRules : IDisposable
{
    // libgit2 is native: an application finds it through its deps.json, but a plug-in host (the
    // Cake script runner loading Prewarm with #r/#addin) may not. Without it, git-ignored
    // directories are simply searched too; target/, .git and vendored sources are still skipped.
    private static readonly Lazy<bool> LibGit2Loads = new(() =>
    {
        try
        {
            _ = Repository.Discover(Path.GetTempPath());
            return true;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
        {
            return false;
        }
    });

    private readonly string _root;
    private readonly HashSet<string> _vendored;
    private readonly IReadOnlyList<string> _excluded;
    private readonly Repository? _git;
    private readonly string? _gitWorkdir;

    /// <param name="repoRoot">The repository root, absolute.</param>
    /// <param name="config">The repository's cargo configuration (vendored sources).</param>
    /// <param name="excluded">Repository-relative directories ('/'-separated) to leave out, with all below them.</param>
    public IgnoreRules(string repoRoot, CargoConfig config, IReadOnlyList<string>? excluded = null)
    {
        _root = repoRoot;
        _excluded = (excluded ?? []).Select(e => ManifestPaths.Normalize(e.Replace('\\', '/'))).Where(e => e.Length > 0).ToList();
        _vendored = config.VendoredDirectories.ToHashSet(StringComparer.Ordinal);
        var gitDirectory = LibGit2Loads.Value ? Repository.Discover(repoRoot) : null;
        if (gitDirectory is not null)
        {
            _git = new Repository(gitDirectory);
            _gitWorkdir = _git.Info.WorkingDirectory;
        }
    }

    /// <summary>True when the directory (absolute path) should not be searched for manifests.</summary>
    public bool IsSkipped(string directory)
    {
        // Asked for every directory of the walk: the name as a span, the full path only when anything is vendored.
        var name = Path.GetFileName(directory.AsSpan());
        if (name is "target" or ".git")
        {
            return true;
        }

        if (_vendored.Count > 0 && _vendored.Contains(Path.GetFullPath(directory)))
        {
            return true;
        }

        if (_excluded.Count > 0 && ManifestPaths.Relative(_root, directory) is var fromRoot && _excluded.Any(e => ManifestPaths.IsWithin(fromRoot, e)))
        {
            return true;
        }

        if (_git is null || _gitWorkdir is null)
        {
            return false;
        }

        var relative = Path.GetRelativePath(_gitWorkdir, directory).Replace(Path.DirectorySeparatorChar, '/');
        return !relative.StartsWith("..", StringComparison.Ordinal) && relative != "." && _git.Ignore.IsPathIgnored(relative + "/");
    }

    public void Dispose() => _git?.Dispose();
}
