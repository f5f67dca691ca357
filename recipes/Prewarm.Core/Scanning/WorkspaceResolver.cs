using Prewarm.Core.Cargo;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Scanning;

/// <summary>The workspaces of one scan: each root's members as cargo finds them (listed, globbed, or
/// path dependencies under the root), its <c>[workspace.dependencies]</c>, <c>[patch]</c> and
/// <c>[replace]</c>.</summary>
internal sealed class WorkspaceResolver(LoadedManifests manifests, ScanProblems problems)
{
    private readonly Dictionary<(string Path, IReadOnlyDictionary<string, DependencySpec> Specs), List<CargoDependency>> _memberDependencies = [];

    /// <summary>Each member's dependencies as its workspace read them (looking for path dependencies), keyed
    /// by the manifest and the <c>[workspace.dependencies]</c> they inherit from: reading the package reads
    /// the same tables again, so it takes these.</summary>
    public IReadOnlyDictionary<(string Path, IReadOnlyDictionary<string, DependencySpec> Specs), List<CargoDependency>> MemberDependencies => _memberDependencies;

    /// <summary>Every workspace whose root the scan has read, in path order; a root cargo cannot make
    /// sense of is a problem, and its directory is among <see cref="ResolvedWorkspaces.Failed"/>.</summary>
    public ResolvedWorkspaces ResolveAll()
    {
        var resolved = new ResolvedWorkspaces();
        foreach (var rootPath in manifests.WorkspaceRoots())
        {
            CargoWorkspace workspace;
            IReadOnlyDictionary<string, DependencySpec> specs;
            try
            {
                (workspace, specs) = Resolve(rootPath);
            }
            catch (PrewarmException e)
            {
                problems.Record(e, rootPath);
                resolved.Failed.Add(ManifestPaths.DirectoryOf(rootPath));
                continue;
            }

            resolved.Workspaces.Add(workspace);
            resolved.Specs[rootPath] = specs;
            foreach (var member in workspace.Members)
            {
                // A package that is itself a workspace root belongs to its own workspace.
                if (member == rootPath || !resolved.Membership.ContainsKey(member))
                {
                    resolved.Membership[member] = rootPath;
                }
            }
        }

        return resolved;
    }

    private (CargoWorkspace Workspace, IReadOnlyDictionary<string, DependencySpec> Specs) Resolve(string rootPath)
    {
        var (manifest, document) = manifests[rootPath];
        var values = new TomlValues(rootPath);
        var table = values.Table(document, "workspace")!;
        var directory = ManifestPaths.DirectoryOf(rootPath);
        var patterns = values.Strings(table, "members") ?? [];
        var exclude = values.Strings(table, "exclude") ?? [];
        var reader = manifests.Reader(rootPath);
        var specs = reader.ReadSpecs(values.Table(table, "dependencies") ?? new TomlTable(), directory, "workspace.dependencies");
        var members = Members(rootPath, manifest.HasPackage, patterns, exclude, specs);
        var workspace = new CargoWorkspace
        {
            RootManifestPath = rootPath,
            IsVirtual = !manifest.HasPackage,
            Resolver = values.String(table, "resolver") ?? (values.Table(document, "package") is { } p ? values.String(p, "resolver") : null),
            MemberPatterns = patterns,
            Exclude = exclude,
            DefaultMembers = values.Strings(table, "default-members") ?? [],
            Members = members,
            Dependencies = new SortedDictionary<string, CargoDependency>(
                specs.ToDictionary(s => s.Key, s => reader.ToDependency(s.Key, s.Value, DependencyKind.Normal, null, inherited: false)),
                StringComparer.Ordinal),
            Package = new SortedDictionary<string, string>(
                (values.Table(table, "package") ?? new TomlTable()).ToDictionary(kv => kv.Key, kv => Render(kv.Value)),
                StringComparer.Ordinal),
            Patches = Guarded(() => reader.ReadPatches(document, directory), rootPath),
            Replacements = Guarded(() => reader.ReadReplacements(document, directory), rootPath),
        };
        return (workspace, specs);
    }

    /// <summary>The members of the workspace at <paramref name="rootPath"/>, in path order: the root when it
    /// is a package, what <c>members</c> names, and the path dependencies of members that live under the root.</summary>
    private List<string> Members(string rootPath, bool rootIsPackage, IReadOnlyList<string> patterns, IReadOnlyList<string> exclude, IReadOnlyDictionary<string, DependencySpec> specs)
    {
        var directory = ManifestPaths.DirectoryOf(rootPath);
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

        if (rootIsPackage)
        {
            Add(rootPath);
        }

        AddListed(rootPath, patterns, IsExcluded, Add);

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
                ResolveMember(rootPath, wave[i], readAhead[i], specs, IsExcluded, Add, broken);
            }
        }

        members.ExceptWith(broken);
        return members.ToList();
    }

    /// <summary>The members <c>members</c> names: every directory an entry names or a glob matches.</summary>
    private void AddListed(string rootPath, IReadOnlyList<string> patterns, Func<string, bool> isExcluded, Action<string> add)
    {
        var directory = ManifestPaths.DirectoryOf(rootPath);
        foreach (var pattern in patterns)
        {
            var isPattern = MemberGlob.IsPattern(pattern);
            var directories = isPattern ? MemberGlob.Expand(manifests.Root, directory, pattern, manifests.Listings) : [ManifestPaths.Resolve(directory, pattern)];
            if (directories.Count == 0)
            {
                problems.Record(new WorkspaceLayoutException(MembersAt(rootPath), $"workspace member pattern `{pattern}` matches no directory"), rootPath);
                continue;
            }

            // cargo: every directory an entry names or a glob matches must hold a Cargo.toml unless
            // `exclude` drops it (a glob does not skip directories that are not packages).
            foreach (var memberDirectory in directories.Where(d => !isExcluded(d)))
            {
                var memberManifest = ManifestPaths.Combine(memberDirectory, "Cargo.toml");
                if (!manifests.ManifestExists(memberManifest))
                {
                    problems.Record(new WorkspaceLayoutException(MembersAt(rootPath), isPattern
                        ? $"workspace member `{memberDirectory}` (matched by `{pattern}`) has no Cargo.toml; add it to `exclude` if it is not a package"
                        : $"workspace member `{pattern}` has no Cargo.toml (looked for {memberManifest})"), rootPath);
                    continue;
                }

                add(memberManifest);
            }
        }
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
        Func<string, bool> isExcluded,
        Action<string> add,
        List<string> broken)
    {
        try
        {
            var (member, memberDocument) = manifests.Load(memberPath);
            if (!member.HasPackage)
            {
                return;
            }

            if (readAhead is { Error: { } error })
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            var dependencies = readAhead?.Dependencies ?? manifests.Reader(memberPath).ReadAll(memberDocument, ManifestPaths.DirectoryOf(memberPath), specs);
            _memberDependencies[(memberPath, specs)] = dependencies;
            var directory = ManifestPaths.DirectoryOf(rootPath);
            foreach (var dependency in dependencies)
            {
                if (dependency.Path is { } dependencyDirectory && ManifestPaths.IsWithin(dependencyDirectory, directory) && !isExcluded(dependencyDirectory))
                {
                    manifests.RequirePathDependency(memberPath, memberDocument, dependency);
                    add(ManifestPaths.Combine(dependencyDirectory, "Cargo.toml"));
                }
            }
        }
        catch (PrewarmException e) when (memberPath != rootPath)
        {
            // One broken member is one problem; the others are still read. The package loop reads
            // this one again and would report it twice, so it leaves the workspace.
            problems.Record(e, rootPath);
            broken.Add(memberPath);
        }
    }

    /// <summary>The member's dependencies (or the failure reading them) when the scan holds its manifest
    /// already, as a package: this reads only that manifest and the workspace's specs, so it may run on
    /// any thread. Null for one still to be loaded, which <see cref="ResolveMember"/> loads in order.</summary>
    private (List<CargoDependency>? Dependencies, Exception? Error)? ReadAhead(string memberPath, IReadOnlyDictionary<string, DependencySpec> specs)
    {
        if (!manifests.TryGet(memberPath, out var loaded) || !loaded.Manifest.HasPackage)
        {
            return null;
        }

        try
        {
            return (manifests.Reader(memberPath).ReadAll(loaded.Document, ManifestPaths.DirectoryOf(memberPath), specs), null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    /// <summary>A broken [patch] or [replace] table is one problem; the workspace's members are still read.</summary>
    private List<CargoPatch> Guarded(Func<List<CargoPatch>> read, string rootPath)
    {
        try
        {
            return read();
        }
        catch (PrewarmException e)
        {
            problems.Record(e, rootPath);
            return [];
        }
    }

    /// <summary><c>file:line:column</c> of <c>workspace.members</c>, or the file alone.</summary>
    private string MembersAt(string rootPath) =>
        TomlText.PositionAt(manifests[rootPath].Document, "workspace.members") is var (line, column) ? $"{rootPath}:{line}:{column}" : rootPath;

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
