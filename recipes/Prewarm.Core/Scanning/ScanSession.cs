using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Scanning;

/// <summary>One scan of one repository root; holds the manifests read so far so each is read once.</summary>
internal sealed class ScanSession : IDisposable
{
    private readonly string _root;
    private readonly CargoConfig _config;
    private readonly IgnoreRules _rules;
    private readonly SortedDictionary<string, (CargoManifest Manifest, TomlTable Document)> _manifests = new(StringComparer.Ordinal);

    /// <summary>Every problem found so far: the scan goes on past each one it can step around and
    /// reports them all at the end.</summary>
    private readonly List<PrewarmException> _problems = [];

    /// <summary>Each member's dependencies as its workspace read them (looking for path dependencies), keyed
    /// by the manifest and the <c>[workspace.dependencies]</c> they inherit from: reading the package reads
    /// the same tables again, so it takes these.</summary>
    private readonly Dictionary<(string Path, IReadOnlyDictionary<string, DependencySpec> Specs), List<CargoDependency>> _memberDependencies = [];

    /// <summary>The directories the walk listed: most "is there a file" questions are answered from them.</summary>
    private ListedDirectories _listings = new();

    // One delegate for the session, not one per path dependency checked.
    private readonly Func<string, bool> _manifestExists;

    public ScanSession(string root, IReadOnlyList<string>? excluded = null)
    {
        _root = root;
        _config = CargoConfig.Read(root);
        _rules = new IgnoreRules(root, _config, excluded);
        _manifestExists = ManifestExists;
    }

    public CargoRepository Scan(string id)
    {
        // A manifest that cannot be read is an error only if cargo would read it (decided below).
        var unread = new SortedDictionary<string, PrewarmException>(StringComparer.Ordinal);
        // Aliases (manifests seen again through a symlink into the repository) are read only where a
        // workspace or a path dependency names them, as cargo would.
        var discovered = ManifestDiscovery.FindManifests(_root, _rules);
        _listings = discovered.Listings;
        // Reading and parsing a manifest depends on nothing else, and it is most of a large scan: the
        // files are parsed on all cores, then taken in path order as before.
        var paths = discovered.All.Where(p => !discovered.Aliased.Contains(p)).ToList();
        var parsed = OrderedParallel.Map(paths, TryRead);
        for (var i = 0; i < paths.Count; i++)
        {
            var (path, (loaded, error)) = (paths[i], parsed[i]);
            if (error is null)
            {
                _manifests[path] = loaded;
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

        var workspaces = new List<CargoWorkspace>();
        var workspaceSpecs = new Dictionary<string, IReadOnlyDictionary<string, DependencySpec>>(StringComparer.Ordinal);
        var membership = new Dictionary<string, string>(StringComparer.Ordinal);
        // Directories whose manifests cargo could not make sense of: what lies below them is not read, so
        // one broken root is one problem, not one per package that would have inherited from it.
        var failed = new List<string>();
        foreach (var rootPath in _manifests.Where(m => m.Value.Manifest.HasWorkspace).Select(m => m.Key).ToList())
        {
            CargoWorkspace workspace;
            IReadOnlyDictionary<string, DependencySpec> specs;
            try
            {
                (workspace, specs) = ResolveWorkspace(rootPath);
            }
            catch (PrewarmException e)
            {
                Record(e, rootPath);
                failed.Add(ManifestPaths.DirectoryOf(rootPath));
                continue;
            }

            workspaces.Add(workspace);
            workspaceSpecs[rootPath] = specs;
            foreach (var member in workspace.Members)
            {
                // A package that is itself a workspace root belongs to its own workspace.
                if (member == rootPath || !membership.ContainsKey(member))
                {
                    membership[member] = rootPath;
                }
            }
        }

        // cargo reads a manifest as a workspace root, a member (or a member's path dependency) or a
        // package of its own. One inside a workspace that does not list it is none of these: cargo
        // refuses it alone ("believes it's in a workspace when it's not") and never loads it from the
        // workspace, so it is no package here either (cargo's test fixtures, dropped crates).
        foreach (var (path, error) in unread)
        {
            if (!_manifests.ContainsKey(path) && EnclosingWorkspace.Of(path, workspaces) is null && !IsBelow(path, failed))
            {
                // A nested manifest that nothing refers to may be test data rather than a package (bat's
                // highlighted Cargo.toml): name the way to leave it out.
                Add(Standalone(path, error));
                failed.Add(ManifestPaths.DirectoryOf(path));
            }
        }

        var toRead = new List<(string Path, TomlTable Document, string? WorkspaceRoot)>();
        foreach (var (path, (manifest, document)) in _manifests.ToList())
        {
            if (!manifest.HasPackage || (IsBelow(path, failed) && !membership.ContainsKey(path)))
            {
                continue;
            }

            if (!manifest.HasWorkspace && !membership.ContainsKey(path) && InheritanceRoot(path, document, workspaces) is not null)
            {
                _manifests.Remove(path);
                continue;
            }

            toRead.Add((path, document, manifest.HasWorkspace ? path : membership.GetValueOrDefault(path)));
        }

        // Reading a package only reads what the session holds by now (manifests, workspace specs, the
        // walk's listings) and the disk, so the packages are read on all cores; they and their problems
        // are then taken in path order, as a plain loop would have them.
        var read = OrderedParallel.Map(toRead, p =>
        {
            try
            {
                return (Package: (CargoPackage?)ReadPackage(p.Path, p.Document, p.WorkspaceRoot, p.WorkspaceRoot is null ? null : workspaceSpecs[p.WorkspaceRoot]), Error: (PrewarmException?)null);
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
                Add(workspaceRoot is null ? Standalone(path, error) : WithExcludeHint(error, workspaceRoot));
            }
        }

        AddPatchedPackages(packages, workspaces, workspaceSpecs);
        AddPathDependencies(packages, membership, workspaceSpecs);
        if (_problems.Count == 0)
        {
            // Cycles only among packages read whole; a package missing for another problem could hide one.
            PathDependencyCycles.Refuse(packages, (package, dependency) => DependencyAt(package.ManifestPath, _manifests[package.ManifestPath].Document, dependency.KeyName, dependency.Kind));
        }

        var lockfiles = new List<Lockfile>();
        var lockRoots = workspaces.Select(w => w.Directory)
            .Concat(packages.Where(p => p.WorkspaceRoot is null && p.InheritsFrom is null).Select(p => p.Directory))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var directory in lockRoots)
        {
            var lockPath = ManifestPaths.Combine(directory, "Cargo.lock");
            var full = Full(lockPath);
            if (File.Exists(full))
            {
                try
                {
                    lockfiles.Add(LockfileParser.Parse(TomlText.ReadFile(full, lockPath), lockPath));
                }
                catch (PrewarmException e)
                {
                    Record(e, ManifestPaths.Combine(directory, "Cargo.toml"));
                }
            }
        }

        if (_problems.Count > 0)
        {
            throw ScanProblemsException.Of(_problems);
        }

        return new CargoRepository
        {
            Id = id,
            RootPath = _root,
            Workspaces = workspaces,
            Packages = packages.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).ToList(),
            Manifests = _manifests.Values.Select(m => m.Manifest).ToList(),
            Lockfiles = lockfiles,
        };
    }

    public void Dispose() => _rules.Dispose();

    private (CargoWorkspace Workspace, IReadOnlyDictionary<string, DependencySpec> Specs) ResolveWorkspace(string rootPath)
    {
        var (manifest, document) = _manifests[rootPath];
        var values = new TomlValues(rootPath);
        var table = values.Table(document, "workspace")!;
        var directory = ManifestPaths.DirectoryOf(rootPath);
        var patterns = values.Strings(table, "members") ?? [];
        var exclude = values.Strings(table, "exclude") ?? [];
        var reader = Reader(rootPath);
        var specs = reader.ReadSpecs(values.Table(table, "dependencies") ?? new TomlTable(), directory, "workspace.dependencies");

        bool IsExcluded(string memberDirectory) => EnclosingWorkspace.Excludes(directory, patterns, exclude, memberDirectory);

        var members = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        void Add(string memberManifest)
        {
            if (members.Add(memberManifest))
            {
                pending.Enqueue(memberManifest);
            }
        }

        if (manifest.HasPackage)
        {
            Add(rootPath);
        }

        foreach (var pattern in patterns)
        {
            var isPattern = MemberGlob.IsPattern(pattern);
            var directories = isPattern ? MemberGlob.Expand(_root, directory, pattern, _listings) : [ManifestPaths.Resolve(directory, pattern)];
            if (directories.Count == 0)
            {
                Record(new WorkspaceLayoutException(MembersAt(rootPath), $"workspace member pattern `{pattern}` matches no directory"), rootPath);
                continue;
            }

            // cargo: every directory an entry names or a glob matches must hold a Cargo.toml unless
            // `exclude` drops it (a glob does not skip directories that are not packages).
            foreach (var memberDirectory in directories.Where(d => !IsExcluded(d)))
            {
                var memberManifest = ManifestPaths.Combine(memberDirectory, "Cargo.toml");
                if (!ManifestExists(memberManifest))
                {
                    Record(new WorkspaceLayoutException(MembersAt(rootPath), isPattern
                        ? $"workspace member `{memberDirectory}` (matched by `{pattern}`) has no Cargo.toml; add it to `exclude` if it is not a package"
                        : $"workspace member `{pattern}` has no Cargo.toml (looked for {memberManifest})"), rootPath);
                    continue;
                }

                Add(memberManifest);
            }
        }

        // Cargo makes path dependencies of members that live under the root members too.
        var broken = new List<string>();
        while (pending.Count > 0)
        {
            // The members queued so far are what a first-in-first-out loop takes next, in this order, and
            // their dependencies (a read of each member's own table) are read on all cores first; each is
            // then taken in order as before. Members queued meanwhile make the next wave.
            var wave = pending.ToArray();
            pending.Clear();
            var readAhead = OrderedParallel.Map(wave, memberPath => ReadAhead(memberPath, specs));
            for (var i = 0; i < wave.Length; i++)
            {
                ResolveMember(rootPath, wave[i], readAhead[i], specs, directory, IsExcluded, Add, broken);
            }
        }

        members.ExceptWith(broken);

        var workspace = new CargoWorkspace
        {
            RootManifestPath = rootPath,
            IsVirtual = !manifest.HasPackage,
            Resolver = values.String(table, "resolver") ?? (values.Table(document, "package") is { } p ? values.String(p, "resolver") : null),
            MemberPatterns = patterns,
            Exclude = exclude,
            DefaultMembers = values.Strings(table, "default-members") ?? [],
            Members = members.ToList(),
            Dependencies = new SortedDictionary<string, CargoDependency>(
                specs.ToDictionary(s => s.Key, s => reader.ToDependency(s.Key, s.Value, DependencyKind.Normal, null, inherited: false)),
                StringComparer.Ordinal),
            Package = new SortedDictionary<string, string>(
                (values.Table(table, "package") ?? new TomlTable()).ToDictionary(kv => kv.Key, kv => Render(kv.Value)),
                StringComparer.Ordinal),
            Patches = Guarded(() => Patches(rootPath, document, directory, reader), rootPath),
            Replacements = Guarded(() => Replacements(rootPath, document, directory, reader), rootPath),
        };
        return (workspace, specs);
    }

    /// <summary>One member of the workspace at <paramref name="rootPath"/>, as the loop over its queue
    /// took it: its dependencies recorded for the package loop, the path dependencies under the root
    /// queued as members (<paramref name="add"/>); a broken member (not the root) is a problem of its
    /// own and joins <paramref name="broken"/>.</summary>
    private void ResolveMember(
        string rootPath,
        string memberPath,
        (List<CargoDependency>? Dependencies, Exception? Error)? readAhead,
        IReadOnlyDictionary<string, DependencySpec> specs,
        string directory,
        Func<string, bool> isExcluded,
        Action<string> add,
        List<string> broken)
    {
        try
        {
            var (member, memberDocument) = Load(memberPath);
            if (!member.HasPackage)
            {
                return;
            }

            if (readAhead is { Error: { } error })
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            var dependencies = readAhead?.Dependencies ?? Reader(memberPath).ReadAll(memberDocument, ManifestPaths.DirectoryOf(memberPath), specs);
            _memberDependencies[(memberPath, specs)] = dependencies;
            foreach (var dependency in dependencies)
            {
                if (dependency.Path is { } dependencyDirectory && ManifestPaths.IsWithin(dependencyDirectory, directory) && !isExcluded(dependencyDirectory))
                {
                    RequirePathDependency(memberPath, memberDocument, dependency);
                    add(ManifestPaths.Combine(dependencyDirectory, "Cargo.toml"));
                }
            }
        }
        catch (PrewarmException e) when (memberPath != rootPath)
        {
            // One broken member is one problem; the others are still read. The package loop reads
            // this one again and would report it twice, so it leaves the workspace.
            Record(e, rootPath);
            broken.Add(memberPath);
        }
    }

    /// <summary>The member's dependencies (or the failure reading them) when the session holds its
    /// manifest already, as a package: this reads only that manifest and the workspace's specs, so it may
    /// run on any thread. Null for one still to be loaded, which <see cref="ResolveMember"/> loads in order.</summary>
    private (List<CargoDependency>? Dependencies, Exception? Error)? ReadAhead(string memberPath, IReadOnlyDictionary<string, DependencySpec> specs)
    {
        if (!_manifests.TryGetValue(memberPath, out var loaded) || !loaded.Manifest.HasPackage)
        {
            return null;
        }

        try
        {
            return (Reader(memberPath).ReadAll(loaded.Document, ManifestPaths.DirectoryOf(memberPath), specs), null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    private static List<CargoPatch> Replacements(string rootPath, TomlTable document, string directory, DependencyReader reader) =>
        new TomlValues(rootPath).Table(document, "replace") is { } replace
            ? reader.ReadSpecs(replace, directory, "replace")
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CargoPatch { Source = kv.Key, Replacement = reader.ToDependency(kv.Key.Split(':')[0], kv.Value, DependencyKind.Normal, null, false) })
                .ToList()
            : [];

    private static List<CargoPatch> Patches(string rootPath, TomlTable document, string directory, DependencyReader reader)
    {
        var values = new TomlValues(rootPath);
        var patches = new List<CargoPatch>();
        foreach (var (source, body) in values.Table(document, "patch") ?? new TomlTable())
        {
            if (body is not TomlTable table)
            {
                throw values.Invalid($"patch.{source}", "a table", body);
            }

            patches.AddRange(reader.ReadSpecs(table, directory, $"patch.{source}")
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CargoPatch { Source = source, Replacement = reader.ToDependency(kv.Key, kv.Value, DependencyKind.Normal, null, false) }));
        }

        return patches.OrderBy(p => p.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>One package manifest, already parsed, as cargo reads it.</summary>
    /// <param name="path">The manifest's path, for messages.</param>
    /// <param name="document">Its parsed table.</param>
    /// <param name="workspaceRoot">The root manifest of the workspace it belongs to, if any.</param>
    /// <param name="workspaceSpecs">That workspace's <c>[workspace.dependencies]</c>, for inherited dependencies.</param>
    /// <param name="inheritsFrom">For a package that is no member but inherits all the same (a [patch] path
    /// inside a workspace's directory): that workspace's root; <paramref name="workspaceSpecs"/> are its.</param>
    private CargoPackage ReadPackage(string path, TomlTable document, string? workspaceRoot, IReadOnlyDictionary<string, DependencySpec>? workspaceSpecs, string? inheritsFrom = null)
    {
        var values = new TomlValues(path);
        var package = values.Table(document, "package") ?? values.Table(document, "project")!;
        var inheritanceRoot = workspaceRoot ?? inheritsFrom;
        var workspaceTable = inheritanceRoot is null ? null : values.Table(_manifests[inheritanceRoot].Document, "workspace")!;
        var shared = workspaceTable is null ? null : values.Table(workspaceTable, "package");

        string? Inheritable(string key)
        {
            if (!values.Inherits(package, key))
            {
                return values.String(package, key);
            }

            if (shared is null)
            {
                throw values.At(package, key, $"`package.{key}` is inherited from the workspace, but {(inheritanceRoot is null ? "the package is in no workspace" : $"{inheritanceRoot} has no `workspace.package.{key}`")}");
            }

            return new TomlValues(inheritanceRoot!).String(shared, key)
                ?? throw values.At(package, key, $"`package.{key}` is inherited from the workspace, but {inheritanceRoot} has no `workspace.package.{key}`");
        }

        // cargo: "error inheriting `lints` from workspace root manifest's `workspace.lints`".
        if (values.Table(document, "lints") is { } lints && lints.TryGetValue("workspace", out var inheritsLints) && inheritsLints is true
            && (workspaceTable is null || !workspaceTable.ContainsKey("lints")))
        {
            throw values.At(lints, "workspace", $"`lints` is inherited from the workspace, but {(inheritanceRoot is null ? "the package is in no workspace" : $"{inheritanceRoot} has no `workspace.lints`")}");
        }

        var name = values.String(package, "name") ?? throw values.At(document, document.ContainsKey("package") ? "package" : "project", "`package.name` is missing");
        if (CrateName.Problem(name) is { } nameProblem)
        {
            throw values.At(package, "name", $"invalid package name `{name}`: it {nameProblem}");
        }

        var edition = Inheritable("edition") ?? "2015";
        if (edition is not ("2015" or "2018" or "2021" or "2024"))
        {
            throw values.At(package, "edition", $"unknown edition `{edition}` (2015, 2018, 2021 and 2024 are known)");
        }
        var directory = ManifestPaths.DirectoryOf(path);
        var dependencies = ReadDependencies(path, document, directory, workspaceSpecs, edition);
        foreach (var dependency in dependencies)
        {
            RequirePathDependency(path, document, dependency);
        }

        // A lone package is its own workspace root: cargo applies (and checks) its [patch] and [replace].
        var patches = inheritanceRoot is null ? Patches(path, document, directory, Reader(path)) : null;
        var replacements = inheritanceRoot is null ? Replacements(path, document, directory, Reader(path)) : null;

        var targets = TargetDiscovery.Resolve(_root, path, document, name, edition, _listings);
        return new CargoPackage
        {
            Name = name,
            Version = Inheritable("version") ?? "0.0.0",
            ManifestPath = path,
            Edition = edition,
            RustVersion = Inheritable("rust-version"),
            Links = values.String(package, "links"),
            Dependencies = dependencies,
            Targets = targets.Targets,
            Features = FeatureTable.Read(values, document, dependencies),
            BuildScript = targets.BuildScript,
            WorkspaceRoot = workspaceRoot,
            InheritsFrom = inheritsFrom,
            Patches = patches is { Count: > 0 } ? patches : null,
            Replacements = replacements is { Count: > 0 } ? replacements : null,
        };
    }

    /// <summary>The package's dependencies: those its workspace already read when the edition adds no check
    /// to that reading (edition 2024 refuses some inherited `default-features`), else read now.</summary>
    private List<CargoDependency> ReadDependencies(string path, TomlTable document, string directory, IReadOnlyDictionary<string, DependencySpec>? workspaceSpecs, string edition) =>
        workspaceSpecs is not null && edition is ("2015" or "2018" or "2021") && _memberDependencies.TryGetValue((path, workspaceSpecs), out var read)
            ? read
            : Reader(path).ReadAll(document, directory, workspaceSpecs, edition);

    /// <summary>Adds a problem, with the <c>--exclude</c> hint when <paramref name="rootManifest"/> (the
    /// workspace or package it belongs to) is not the repository's own root. The same line twice (a
    /// manifest read for two reasons) is one problem.</summary>
    private void Record(PrewarmException problem, string rootManifest) => Add(WithExcludeHint(problem, rootManifest));

    private void Add(PrewarmException problem)
    {
        if (_problems.All(p => p.Message != problem.Message))
        {
            _problems.Add(problem);
        }
    }

    /// <summary>A problem inside a nested workspace or package (an example, a fuzz or test-data root):
    /// leaving that root out of the scan is a fix too, so the message names it.</summary>
    private static PrewarmException WithExcludeHint(PrewarmException problem, string rootManifest) =>
        rootManifest == "Cargo.toml" || problem.Message.Contains("--exclude=", StringComparison.Ordinal)
            ? problem
            : new PrewarmException($"{problem.Message} (if {ManifestPaths.DirectoryOf(rootManifest)} is not part of your build, --exclude={ManifestPaths.DirectoryOf(rootManifest)} leaves it out)", problem);

    /// <summary>A broken [patch] or [replace] table is one problem; the workspace's members are still read.</summary>
    private List<CargoPatch> Guarded(Func<List<CargoPatch>> read, string rootPath)
    {
        try
        {
            return read();
        }
        catch (PrewarmException e)
        {
            Record(e, rootPath);
            return [];
        }
    }

    private static bool IsBelow(string path, IEnumerable<string> directories) =>
        directories.Any(d => ManifestPaths.IsWithin(ManifestPaths.DirectoryOf(path), d));

    /// <summary>A nested manifest read only because it is there (no workspace lists it) may be test data
    /// rather than a package (bat's highlighted Cargo.toml): its error names the way to leave it out.</summary>
    private static PrewarmException Standalone(string path, PrewarmException error) =>
        path == "Cargo.toml"
            ? error
            : new PrewarmException($"{error.Message} (if it is not a package, --exclude={ManifestPaths.DirectoryOf(path)} leaves it out)", error);

    /// <summary>cargo loads a path dependency wherever it lies: one the walk did not read (an alias,
    /// a git-ignored or vendored directory) is read now, and so are its own path dependencies.</summary>
    private void AddPathDependencies(List<CargoPackage> packages, Dictionary<string, string> membership, Dictionary<string, IReadOnlyDictionary<string, DependencySpec>> workspaceSpecs)
    {
        var known = packages.Select(p => p.ManifestPath).ToHashSet(StringComparer.Ordinal);
        var pending = new Queue<CargoPackage>(packages);
        while (pending.TryDequeue(out var package))
        {
            foreach (var directory in package.Dependencies.Select(d => d.Path).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var path = ManifestPaths.Combine(ManifestPaths.Normalize(directory), "Cargo.toml");
                if (known.Contains(path) || !ManifestExists(path))
                {
                    continue;
                }

                known.Add(path);
                try
                {
                    var (manifest, document) = Load(path);
                    if (!manifest.HasPackage)
                    {
                        continue;
                    }

                    var workspaceRoot = manifest.HasWorkspace ? null : membership.GetValueOrDefault(path);
                    var dependency = ReadPackage(path, document, workspaceRoot, workspaceRoot is null ? null : workspaceSpecs[workspaceRoot]);
                    packages.Add(dependency);
                    pending.Enqueue(dependency);
                }
                catch (PrewarmException e)
                {
                    Record(e, package.WorkspaceRoot ?? package.ManifestPath);
                }
            }
        }
    }

    /// <summary>The workspace a package no workspace lists still believes it is in, among <paramref name="workspaces"/>:
    /// the root its <c>package.workspace</c> names, or else the nearest enclosing root (cargo's search upwards).
    /// cargo refuses such a package on its own and never loads it from the workspace, but a <c>[patch]</c>
    /// naming it is read with what it inherits from there.</summary>
    private static string? InheritanceRoot(string path, TomlTable document, IReadOnlyList<CargoWorkspace> workspaces)
    {
        var package = (document.TryGetValue("package", out var p) || document.TryGetValue("project", out p)) ? p as TomlTable : null;
        if (package is null || !package.TryGetValue("workspace", out var named))
        {
            return EnclosingWorkspace.Of(path, workspaces)?.RootManifestPath;
        }

        // A root outside the repository (or a wrong type, refused later) cannot be checked here.
        var root = named is string relative ? ManifestPaths.Combine(ManifestPaths.Resolve(ManifestPaths.DirectoryOf(path), relative), "Cargo.toml") : null;
        return root is not null && !root.StartsWith("..", StringComparison.Ordinal) && workspaces.Any(w => w.RootManifestPath == root) ? root : null;
    }

    /// <summary>cargo reads every <c>[patch]</c>/<c>[replace]</c> path package, also one inside a workspace
    /// directory that neither lists nor excludes it (<c>vendor/foo</c>): such a package is no member and
    /// no root, but inherits from the enclosing workspace (<see cref="CargoPackage.InheritsFrom"/>).</summary>
    private void AddPatchedPackages(List<CargoPackage> packages, IReadOnlyList<CargoWorkspace> workspaces, Dictionary<string, IReadOnlyDictionary<string, DependencySpec>> workspaceSpecs)
    {
        var known = packages.Select(p => p.ManifestPath).ToHashSet(StringComparer.Ordinal);
        var patchPaths = workspaces.SelectMany(w => w.Patches.Concat(w.Replacements))
            .Concat(packages.SelectMany(p => (p.Patches ?? []).Concat(p.Replacements ?? [])))
            .Select(p => p.Replacement.Path)
            .OfType<string>()
            .Select(d => ManifestPaths.Combine(ManifestPaths.Normalize(d), "Cargo.toml"))
            .Where(m => !m.StartsWith("..", StringComparison.Ordinal) && !known.Contains(m))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in patchPaths)
        {
            try
            {
                var (manifest, document) = Load(path);
                if (!manifest.HasPackage || manifest.HasWorkspace)
                {
                    continue;
                }

                var root = InheritanceRoot(path, document, workspaces);
                packages.Add(ReadPackage(path, document, null, root is null ? null : workspaceSpecs[root], root));
            }
            catch (PrewarmException e)
            {
                Add(e);
            }
        }
    }

    private void RequirePathDependency(string manifestPath, TomlTable document, CargoDependency dependency)
    {
        // The usual path dependency passes; the closure naming its position is made only for one that does not.
        if (dependency.Path is { } directory && !DependencyReader.PathIsUsable(directory, _manifestExists))
        {
            DependencyReader.RequirePath(_root, () => DependencyAt(manifestPath, document, dependency.KeyName, dependency.Kind), dependency.KeyName, directory, _manifestExists);
        }
    }

    /// <summary>Whether the manifest at the repository-relative <paramref name="path"/> exists: one this
    /// scan has read does; for the others the walk's listings, then the disk, answer.</summary>
    private bool ManifestExists(string path) => _manifests.ContainsKey(path) || _listings.FileExists(Full(path));

    /// <summary><c>file:line:column</c> of the dependency's key in any dependency table of the manifest, or the file alone.</summary>
    private static string DependencyAt(string manifestPath, TomlTable document, string key, DependencyKind? kind = null)
    {
        var tables = kind switch
        {
            DependencyKind.Normal => ["dependencies"],
            DependencyKind.Build => ["build-dependencies", "build_dependencies"],
            DependencyKind.Development => ["dev-dependencies", "dev_dependencies"],
            _ => new[] { "dependencies", "build-dependencies", "build_dependencies", "dev-dependencies", "dev_dependencies" },
        };
        // `target.….dependencies.x` as well as `dependencies.x`; the earliest in the file when several match.
        var found = TomlText.Positions(document, p => tables.Any(t => p.Path == $"{t}.{key}" || p.Path.EndsWith($".{t}.{key}", StringComparison.Ordinal)))
            .OrderBy(p => p.At)
            .Select(p => ((int Line, int Column)?)p.At)
            .FirstOrDefault();
        return found is var (line, column) ? $"{manifestPath}:{line}:{column}" : manifestPath;
    }

    /// <summary><c>file:line:column</c> of <c>workspace.members</c>, or the file alone.</summary>
    private string MembersAt(string rootPath) =>
        TomlText.PositionAt(_manifests[rootPath].Document, "workspace.members") is var (line, column) ? $"{rootPath}:{line}:{column}" : rootPath;

    private (CargoManifest Manifest, TomlTable Document) Load(string path)
    {
        if (_manifests.TryGetValue(path, out var loaded))
        {
            return loaded;
        }

        loaded = Read(path);
        _manifests[path] = loaded;
        return loaded;
    }

    /// <summary><see cref="Read"/> for a parallel loop: the exception is returned, to be thrown in order.</summary>
    private ((CargoManifest Manifest, TomlTable Document) Loaded, Exception? Error) TryRead(string path)
    {
        try
        {
            return (Read(path), null);
        }
        catch (Exception e)
        {
            return (default, e);
        }
    }

    /// <summary>Reads and parses one manifest; touches no state of the session, so it may run on any thread.</summary>
    private (CargoManifest Manifest, TomlTable Document) Read(string path)
    {
        var text = TomlText.ReadFile(Full(path), path);
        var document = TomlText.Parse(text, path);
        var manifest = new CargoManifest
        {
            Path = path,
            Text = text,
            HasPackage = document.ContainsKey("package") || document.ContainsKey("project"),
            HasWorkspace = document.ContainsKey("workspace"),
            Parsed = new ParsedDocumentSlot(document),
        };
        if (!manifest.HasPackage && !manifest.HasWorkspace)
        {
            throw new CargoManifestException(path, "manifest has neither `[package]` nor `[workspace]`");
        }

        return (manifest, document);
    }

    private DependencyReader Reader(string manifestPath) => new(new TomlValues(manifestPath), _root, _config.Registries);

    private string Full(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Render(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TomlArray array => string.Join(", ", array.Select(Render)),
        TomlTable table => "{ " + string.Join(", ", table.Select(kv => $"{kv.Key} = {Render(kv.Value)}")) + " }",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
