using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>The version each masked package carries in the skeleton: <see cref="ManifestMetadata.MaskedVersion"/>,
/// or, for a name several masked packages share (a member <c>foo</c> and a path dependency
/// <c>ext/foo</c> renamed <c>foo2</c>), <c>0.0.1</c>, <c>0.0.2</c>, … by package directory, ordinal.
/// cargo keys path packages by name and version, so one masked version for both would be one package
/// twice; directories, not versions, decide the order, so a version bump still changes no byte.</summary>
internal sealed class MaskedVersions
{
    private readonly Dictionary<string, string> _byDirectory;
    private readonly ILookup<string, CargoPackage> _byName;
    private readonly CargoRepository _repository;

    private MaskedVersions(CargoRepository repository, Dictionary<string, string> byDirectory)
    {
        _repository = repository;
        _byDirectory = byDirectory;
        _byName = repository.Packages.ToLookup(p => p.Name, StringComparer.Ordinal);
    }

    /// <param name="repository">The scanned repository whose local packages are masked.</param>
    /// <param name="masked">The package directories whose version is masked.</param>
    public static MaskedVersions Assign(CargoRepository repository, IReadOnlySet<string> masked)
    {
        var byDirectory = new Dictionary<string, string>(StringComparer.Ordinal);
        var directories = repository.Packages
            .Where(p => masked.Contains(p.Directory))
            .GroupBy(p => p.Name, StringComparer.Ordinal);
        foreach (var group in directories)
        {
            var ordered = group.Select(p => p.Directory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                byDirectory[ordered[i]] = i == 0 ? ManifestMetadata.MaskedVersion : $"0.0.{i + 1}";
            }
        }

        return new MaskedVersions(repository, byDirectory);
    }

    /// <summary>The masked version of the package in <paramref name="directory"/> (repository-relative), or null when it keeps its own.</summary>
    public string? Of(string directory) => _byDirectory.GetValueOrDefault(directory);

    /// <summary>The package directories the workspace of <paramref name="rootManifest"/> holds or reaches by path dependencies.</summary>
    private HashSet<string> Reached(string rootManifest) =>
        SkeletonBuilder.ReachedByPath(_repository, _repository.Packages.Where(p => p.WorkspaceRoot == rootManifest || p.ManifestPath == rootManifest).Select(p => p.Directory));

    /// <summary>For the lockfile at <paramref name="lockfilePath"/>: the masked version of a local package it
    /// locks, by name and version, or null for one that keeps its version. A name with one package (or
    /// packages of one masked version) needs nothing more, so a lockfile lagging behind a version bump is
    /// masked as before; otherwise the package of that version, and among several (examples of one
    /// template in workspaces of their own) the one this lockfile's workspace reaches by path.</summary>
    public Func<string, string, string?> ForLockfile(string lockfilePath)
    {
        HashSet<string>? reached = null;
        return (name, version) =>
        {
            var candidates = _byName[name].ToList();
            var versions = candidates.Select(p => Of(p.Directory)).Distinct().ToList();
            if (versions.Count <= 1)
            {
                return versions.FirstOrDefault();
            }

            var sameVersion = candidates.Where(p => p.Version == version).ToList();
            if (sameVersion.Count > 0)
            {
                candidates = sameVersion;
            }

            if (candidates.Count > 1)
            {
                reached ??= Reached(ManifestPaths.Combine(ManifestPaths.DirectoryOf(lockfilePath), "Cargo.toml"));
                var inWorkspace = candidates.Where(p => reached.Contains(p.Directory)).ToList();
                if (inWorkspace.Count > 0)
                {
                    candidates = inWorkspace;
                }
            }

            return Of(candidates.MinBy(p => p.Directory, StringComparer.Ordinal)!.Directory);
        };
    }
}
