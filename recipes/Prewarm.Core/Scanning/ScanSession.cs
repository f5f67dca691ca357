using Prewarm.Core.Cargo;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Scanning;

/// <summary>One scan of one repository root: finds the manifests, resolves the workspaces
/// (<see cref="WorkspaceResolver"/>), reads the packages (<see cref="PackageReader"/>) and the
/// lockfiles, and reports every problem found at the end.</summary>
internal sealed class ScanSession : IDisposable
{
    private readonly string _root;
    private readonly IgnoreRules _rules;
    private readonly LoadedManifests _manifests;
    private readonly ScanProblems _problems = new();
    private readonly WorkspaceResolver _workspaces;
    private readonly PackageReader _packages;

    public ScanSession(string root, IReadOnlyList<string>? excluded = null)
    {
        _root = root;
        var config = CargoConfig.Read(root);
        _rules = new IgnoreRules(root, config, excluded);
        _manifests = new LoadedManifests(root, config);
        _workspaces = new WorkspaceResolver(_manifests, _problems);
        _packages = new PackageReader(_manifests, _problems, _workspaces.MemberDependencies);
    }

    public CargoRepository Scan(string id)
    {
        var unread = ReadManifests();
        var workspaces = _workspaces.ResolveAll();
        RefuseUnlisted(unread, workspaces);
        var packages = ReadPackages(workspaces);
        _packages.AddPatchedPackages(packages, workspaces);
        _packages.AddPathDependencies(packages, workspaces);
        if (_problems.Count == 0)
        {
            // Cycles only among packages read whole; a package missing for another problem could hide one.
            PathDependencyCycles.Refuse(packages, (package, dependency) => LoadedManifests.DependencyAt(package.ManifestPath, _manifests[package.ManifestPath].Document, dependency.KeyName, dependency.Kind));
        }

        var lockfiles = ReadLockfiles(workspaces.Workspaces, packages);
        _problems.ThrowIfAny();
        return new CargoRepository
        {
            Id = id,
            RootPath = _root,
            Workspaces = workspaces.Workspaces,
            Packages = packages.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).ToList(),
            Manifests = _manifests.Manifests.ToList(),
            Documents = _manifests.Documents(),
            Lockfiles = lockfiles,
        };
    }

    public void Dispose() => _rules.Dispose();

    /// <summary>Reads every manifest the walk finds; returns those that could not be read, by path: such a
    /// manifest is an error only if cargo would read it (<see cref="RefuseUnlisted"/>, the package loop).</summary>
    private SortedDictionary<string, PrewarmException> ReadManifests()
    {
        var unread = new SortedDictionary<string, PrewarmException>(StringComparer.Ordinal);
        // Aliases (manifests seen again through a symlink into the repository) are read only where a
        // workspace or a path dependency names them, as cargo would.
        var discovered = ManifestDiscovery.FindManifests(_root, _rules);
        _manifests.Listings = discovered.Listings;
        // Reading and parsing a manifest depends on nothing else, and it is most of a large scan: the
        // files are parsed on all cores, then taken in path order as before.
        var paths = discovered.All.Where(p => !discovered.Aliased.Contains(p)).ToList();
        var parsed = OrderedParallel.Map(paths, _manifests.TryRead);
        for (var i = 0; i < paths.Count; i++)
        {
            var (path, (loaded, error)) = (paths[i], parsed[i]);
            if (error is null)
            {
                _manifests.Add(path, loaded);
            }
            else if (error is CargoManifestException or UnreadableFileException)
            {
                unread[path] = (PrewarmException)error;
            }
            else
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }

        if (_manifests.Count == 0 && unread.Count == 0)
        {
            throw new WorkspaceLayoutException("Cargo.toml", "not found: the repository has no Cargo.toml at its root or below it");
        }

        return unread;
    }

    /// <summary>cargo reads a manifest as a workspace root, a member (or a member's path dependency) or a
    /// package of its own. One inside a workspace that does not list it is none of these: cargo refuses it
    /// alone ("believes it's in a workspace when it's not") and never loads it from the workspace, so it is
    /// no package here either (cargo's test fixtures, dropped crates). An unreadable one outside any is a problem.</summary>
    private void RefuseUnlisted(SortedDictionary<string, PrewarmException> unread, ResolvedWorkspaces workspaces)
    {
        foreach (var (path, error) in unread)
        {
            if (!_manifests.Contains(path) && EnclosingWorkspace.Of(path, workspaces.Workspaces) is null && !IsBelow(path, workspaces.Failed))
            {
                // A nested manifest that nothing refers to may be test data rather than a package (bat's
                // highlighted Cargo.toml): name the way to leave it out.
                _problems.Add(ScanProblems.Standalone(path, error));
                workspaces.Failed.Add(ManifestPaths.DirectoryOf(path));
            }
        }
    }

    /// <summary>Every package the walk read that cargo would load, in path order, with its workspace.</summary>
    private List<CargoPackage> ReadPackages(ResolvedWorkspaces workspaces)
    {
        var toRead = new List<(string Path, TomlTable Document, string? WorkspaceRoot)>();
        foreach (var (path, (manifest, document)) in _manifests.Snapshot())
        {
            if (!manifest.HasPackage || (IsBelow(path, workspaces.Failed) && !workspaces.Membership.ContainsKey(path)))
            {
                continue;
            }

            if (!manifest.HasWorkspace && !workspaces.Membership.ContainsKey(path) && PackageReader.InheritanceRoot(path, document, workspaces.Workspaces) is not null)
            {
                _manifests.Remove(path);
                continue;
            }

            toRead.Add((path, document, manifest.HasWorkspace ? path : workspaces.Membership.GetValueOrDefault(path)));
        }

        // Reading a package only reads what the scan holds by now and the disk, so the packages are read on
        // all cores; they and their problems are then taken in path order, as a plain loop would have them.
        var read = OrderedParallel.Map(toRead, p =>
        {
            try
            {
                return (Package: (CargoPackage?)_packages.Read(p.Path, p.Document, p.WorkspaceRoot, p.WorkspaceRoot is null ? null : workspaces.Specs[p.WorkspaceRoot]), Error: (PrewarmException?)null);
            }
            catch (PrewarmException e)
            {
                return (null, e);
            }
        });
        var packages = new List<CargoPackage>();
        for (var i = 0; i < toRead.Count; i++)
        {
            var ((path, _, workspaceRoot), (package, error)) = (toRead[i], read[i]);
            if (error is null)
            {
                packages.Add(package!);
            }
            else
            {
                _problems.Add(workspaceRoot is null ? ScanProblems.Standalone(path, error) : ScanProblems.WithExcludeHint(error, workspaceRoot));
            }
        }

        return packages;
    }

    /// <summary>The Cargo.lock of each workspace and of each package of its own, in directory order.</summary>
    private List<Lockfile> ReadLockfiles(IEnumerable<CargoWorkspace> workspaces, IEnumerable<CargoPackage> packages)
    {
        var lockfiles = new List<Lockfile>();
        var lockRoots = workspaces.Select(w => w.Directory)
            .Concat(packages.Where(p => p.WorkspaceRoot is null && p.InheritsFrom is null).Select(p => p.Directory))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var directory in lockRoots)
        {
            var lockPath = ManifestPaths.Combine(directory, "Cargo.lock");
            var full = _manifests.Full(lockPath);
            if (File.Exists(full))
            {
                try
                {
                    lockfiles.Add(LockfileParser.Parse(TomlText.ReadFile(full, lockPath), lockPath));
                }
                catch (PrewarmException e)
                {
                    _problems.Record(e, ManifestPaths.Combine(directory, "Cargo.toml"));
                }
            }
        }

        return lockfiles;
    }

    private static bool IsBelow(string path, IEnumerable<string> directories) =>
        directories.Any(d => ManifestPaths.IsWithin(ManifestPaths.DirectoryOf(path), d));
}
