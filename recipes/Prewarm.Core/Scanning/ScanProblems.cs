using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>Every problem one scan has found so far: the scan goes on past each one it can step around
/// and reports them all at the end.</summary>
internal sealed class ScanProblems
{
    private readonly List<PrewarmException> _problems = [];

    public int Count => _problems.Count;

    /// <summary>Adds a problem, with the <c>--exclude</c> hint when <paramref name="rootManifest"/> (the
    /// workspace or package it belongs to) is not the repository's own root.</summary>
    public void Record(PrewarmException problem, string rootManifest) => Add(WithExcludeHint(problem, rootManifest));

    /// <summary>Adds a problem; the same line twice (a manifest read for two reasons) is one problem.</summary>
    public void Add(PrewarmException problem)
    {
        if (_problems.All(p => p.Message != problem.Message))
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Throws the problem found, or all of them together, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw ScanProblemsException.Of(_problems);
        }
    }

    /// <summary>A problem inside a nested workspace or package (an example, a fuzz or test-data root):
    /// leaving that root out of the scan is a fix too, so the message names it.</summary>
    public static PrewarmException WithExcludeHint(PrewarmException problem, string rootManifest) =>
        rootManifest == "Cargo.toml" || problem.Message.Contains("--exclude=", StringComparison.Ordinal)
            ? problem
            : new PrewarmException($"{problem.Message} (if {ManifestPaths.DirectoryOf(rootManifest)} is not part of your build, --exclude={ManifestPaths.DirectoryOf(rootManifest)} leaves it out)", problem);

    /// <summary>A nested manifest read only because it is there (no workspace lists it) may be test data
    /// rather than a package (bat's highlighted Cargo.toml): its error names the way to leave it out.</summary>
    public static PrewarmException Standalone(string path, PrewarmException error) =>
        path == "Cargo.toml"
            ? error
            : new PrewarmException($"{error.Message} (if it is not a package, --exclude={ManifestPaths.DirectoryOf(path)} leaves it out)", error);
}
