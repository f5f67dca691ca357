using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>One scan of one repository root; holds the manifests read so far so each is read once.</summary>
internal sealed class ScanSession : IDisposable
{
    private readonly string _root;
    private readonly CargoConfig _config;
    private readonly IgnoreRules _rules;
    private readonly SortedDictionary<string, (CargoManifest Manifest, TomlDocument Document)> _manifests = new(StringComparer.Ordinal);

    // Where each dependency is declared, so a dependency cycle can point at the entry that closes it.
    private readonly Dictionary<CargoDependency, (string File, TomlPosition? At)> _declarations = new(ReferenceEqualityComparer.Instance);

    private static readonly HashSet<string> KnownEditions = new(["2015", "2018", "2021", "2024"], StringComparer.Ordinal);

    public ScanSession(string root)
    {
        _root = root;
        _config = CargoConfig.Read(root);
        _rules = new IgnoreRules(root, _config);
    }

    public CargoRepository Scan(string id)
    {
        foreach (var path in ManifestDiscovery.FindManifests(_root, _rules))
        {
            Load(path);
        }

        if (_manifests.Count == 0)
        {
            throw new WorkspaceLayoutException("Cargo.toml", "not found: the repository has no Cargo.toml at its root or below it");
        }

        var workspaces = new List<CargoWorkspace>();
        var workspaceSpecs = new Dictionary<string, IReadOnlyDictionary<string, DependencySpec>>(StringComparer.Ordinal);
        var membership = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rootPath in _manifests.Where(m => m.Value.Manifest.HasWorkspace).Select(m => m.Key).ToList())
        {
            var (workspace, specs) = ResolveWorkspace(rootPath);
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

        var packages = new List<CargoPackage>();
        foreach (var (path, (manifest, document)) in _manifests.ToList())
        {
            if (!manifest.HasPackage)
            {
                continue;
            }

            var workspaceRoot = manifest.HasWorkspace ? path : membership.GetValueOrDefault(path);
            packages.Add(ReadPackage(path, document, workspaceRoot, workspaceRoot is null ? null : workspaceSpecs[workspaceRoot]));
        }

        RejectCycles(packages);

        var lockfiles = new List<Lockfile>();
        var lockRoots = workspaces.Select(w => w.Directory)
            .Concat(packages.Where(p => p.WorkspaceRoot is null).Select(p => p.Directory))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var directory in lockRoots)
        {
            var lockPath = ManifestPaths.Combine(directory, "Cargo.lock");
            var full = Full(lockPath);
            if (File.Exists(full))
            {
                lockfiles.Add(LockfileParser.Parse(TomlText.ReadFile(full, lockPath), lockPath));
            }
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
        var (manifest, parsed) = _manifests[rootPath];
        var document = parsed.Root;
        var values = new TomlValues(parsed);
        var table = values.Table(document, "workspace")!;
        var directory = ManifestPaths.DirectoryOf(rootPath);
        var patterns = values.Strings(table, "members") ?? [];
        var exclude = values.Strings(table, "exclude") ?? [];
        var reader = Reader(parsed);
        var specs = reader.ReadSpecs(values.Table(table, "dependencies") ?? new TomlTable(), directory, keysAreNames: true, pathsAreUsed: false);

        bool IsExcluded(string memberDirectory) =>
            exclude.Any(e => IsWithin(memberDirectory, Normalized(directory, e)))
            && !patterns.Any(p => IsWithin(memberDirectory, Normalized(directory, p)));

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

        for (var index = 0; index < patterns.Count; index++)
        {
            // Like cargo: every directory a member entry names (or a glob matches) must hold a
            // Cargo.toml unless `exclude` drops it; a glob that matches nothing is a missing path.
            var pattern = patterns[index];
            var isPattern = MemberGlob.IsPattern(pattern);
            var directories = isPattern ? MemberGlob.Expand(_root, directory, pattern) : [Normalized(directory, pattern)];
            if (directories.Count == 0)
            {
                throw new WorkspaceLayoutException(rootPath, values.ElementPositionOf(table, "members", index), $"workspace member pattern `{pattern}` matches no directory");
            }

            foreach (var memberDirectory in directories.Where(d => !IsExcluded(d)))
            {
                var memberManifest = ManifestPaths.Combine(memberDirectory, "Cargo.toml");
                if (!File.Exists(Full(memberManifest)))
                {
                    throw new WorkspaceLayoutException(rootPath, values.ElementPositionOf(table, "members", index), isPattern
                        ? $"workspace member `{memberDirectory}` (matched by `{pattern}`) has no Cargo.toml; add it to `exclude` if it is not a package"
                        : $"workspace member `{pattern}` has no Cargo.toml (looked for {memberManifest})");
                }

                Add(memberManifest);
            }
        }

        // Cargo makes path dependencies of members that live under the root members too.
        while (pending.TryDequeue(out var memberPath))
        {
            var (member, memberDocument) = Load(memberPath);
            if (!member.HasPackage)
            {
                continue;
            }

            foreach (var dependency in Reader(memberDocument).ReadAll(memberDocument.Root, ManifestPaths.DirectoryOf(memberPath), specs))
            {
                if (dependency.Path is { } dependencyDirectory && IsWithin(dependencyDirectory, directory) && !IsExcluded(dependencyDirectory))
                {
                    Add(ManifestPaths.Combine(dependencyDirectory, "Cargo.toml"));
                }
            }
        }

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
            Patches = Patches(values, document, directory, reader),
            Replacements = values.Table(document, "replace") is { } replace
                ? reader.ReadSpecs(replace, directory, keysAreNames: false, pathsAreUsed: true)
                    .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => new CargoPatch { Source = kv.Key, Replacement = reader.ToDependency(kv.Key.Split(':')[0], kv.Value, DependencyKind.Normal, null, false) })
                    .ToList()
                : [],
        };
        return (workspace, specs);
    }

    private static List<CargoPatch> Patches(TomlValues values, TomlTable document, string directory, DependencyReader reader)
    {
        var patches = new List<CargoPatch>();
        var patchTable = values.Table(document, "patch") ?? new TomlTable();
        foreach (var (source, body) in patchTable)
        {
            if (body is not TomlTable table)
            {
                throw values.Invalid(patchTable, source, "a table", body);
            }

            patches.AddRange(reader.ReadSpecs(table, directory, keysAreNames: true, pathsAreUsed: true)
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CargoPatch { Source = source, Replacement = reader.ToDependency(kv.Key, kv.Value, DependencyKind.Normal, null, false) }));
        }

        return patches.OrderBy(p => p.Source, StringComparer.Ordinal).ToList();
    }

    private CargoPackage ReadPackage(string path, TomlDocument document, string? workspaceRoot, IReadOnlyDictionary<string, DependencySpec>? workspaceSpecs)
    {
        var values = new TomlValues(document);
        var packageKey = document.Root.ContainsKey("package") ? "package" : "project";
        var package = values.Table(document.Root, packageKey)!;
        var shared = workspaceRoot is null ? null : values.Table(values.Table(_manifests[workspaceRoot].Document.Root, "workspace")!, "package");

        string? Inheritable(string key)
        {
            if (!values.Inherits(package, key))
            {
                return values.String(package, key);
            }

            if (shared is null)
            {
                throw values.Error(package, key, $"`package.{key}` is inherited from the workspace, but {(workspaceRoot is null ? "the package is in no workspace" : $"{workspaceRoot} has no `workspace.package.{key}`")}", atKey: true);
            }

            return new TomlValues(_manifests[workspaceRoot!].Document).String(shared, key)
                ?? throw values.Error(package, key, $"`package.{key}` is inherited from the workspace, but {workspaceRoot} has no `workspace.package.{key}`", atKey: true);
        }

        var name = values.String(package, "name") ?? throw values.Error(document.Root, packageKey, $"`{packageKey}.name` is missing", atKey: true);
        if (CargoNames.PackageNameProblem(name) is { } nameProblem)
        {
            throw values.Error(package, "name", nameProblem);
        }

        var edition = Inheritable("edition") ?? "2015";
        if (!KnownEditions.Contains(edition))
        {
            throw values.Error(package, "edition", $"supported edition values are `2015`, `2018`, `2021`, or `2024`, but `{edition}` is unknown");
        }

        var directory = ManifestPaths.DirectoryOf(path);
        var dependencies = Reader(document).ReadAll(document.Root, directory, workspaceSpecs, edition);
        var targets = TargetDiscovery.Resolve(_root, document, name, edition);
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
            Features = FeatureTable.Read(values, document.Root, dependencies),
            BuildScript = targets.BuildScript,
            WorkspaceRoot = workspaceRoot,
        };
    }

    /// <summary>Cargo refuses a cycle of normal or build dependencies between packages (only
    /// dev-dependencies may form one); the error points at the dependency that closes it.</summary>
    private void RejectCycles(IReadOnlyList<CargoPackage> packages)
    {
        var byDirectory = packages.ToDictionary(p => ManifestPaths.DirectoryOf(p.ManifestPath), StringComparer.Ordinal);
        var edges = packages.ToDictionary(
            p => p,
            p => p.Dependencies
                .Where(d => d.Kind != DependencyKind.Development && d.Path is not null && byDirectory.ContainsKey(d.Path))
                .Select(d => (Dependency: d, Package: byDirectory[d.Path!]))
                .ToList());

        // Iterative depth-first search (deep path chains must not exhaust the stack); 1 = on the
        // current path, 2 = finished.
        var state = new Dictionary<CargoPackage, int>();
        foreach (var start in packages.OrderBy(p => p.ManifestPath, StringComparer.Ordinal))
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<(CargoPackage Package, int Next)> { (start, 0) };
            state[start] = 1;
            while (path.Count > 0)
            {
                var (current, next) = path[^1];
                if (next == edges[current].Count)
                {
                    state[current] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                path[^1] = (current, next + 1);
                var target = edges[current][next].Package;
                if (!state.TryGetValue(target, out var seen))
                {
                    state[target] = 1;
                    path.Add((target, 0));
                }
                else if (seen == 1)
                {
                    var cycle = path.Select(p => p.Package).SkipWhile(p => p != target).ToList();
                    var closing = edges[current][next].Dependency;
                    var (file, at) = _declarations.GetValueOrDefault(closing, (current.ManifestPath, null));
                    throw new WorkspaceLayoutException(file, at,
                        $"cyclic package dependency: {string.Join(" -> ", cycle.Append(target).Select(p => $"`{p.Name}`"))} (cargo allows a cycle only through dev-dependencies)");
                }
            }
        }
    }

    private (CargoManifest Manifest, TomlDocument Document) Load(string path)
    {
        if (_manifests.TryGetValue(path, out var loaded))
        {
            return loaded;
        }

        var text = TomlText.ReadFile(Full(path), path);
        var document = TomlText.ParseDocument(text, path);
        var manifest = new CargoManifest
        {
            Path = path,
            Text = text,
            HasPackage = document.Root.ContainsKey("package") || document.Root.ContainsKey("project"),
            HasWorkspace = document.Root.ContainsKey("workspace"),
        };
        if (!manifest.HasPackage && !manifest.HasWorkspace)
        {
            throw new CargoManifestException(path, "manifest has neither `[package]` nor `[workspace]`");
        }

        _manifests[path] = (manifest, document);
        return (manifest, document);
    }

    private DependencyReader Reader(TomlDocument document) => new(new TomlValues(document), _root, _config.Registries, _declarations);

    private string Full(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Normalized(string directory, string entry) =>
        ManifestPaths.Normalize(ManifestPaths.Combine(directory, entry.Replace('\\', '/')));

    /// <summary>Component-wise "is <paramref name="path"/> inside <paramref name="directory"/>" on relative '/' paths.</summary>
    private static bool IsWithin(string path, string directory) =>
        !path.StartsWith("..", StringComparison.Ordinal)
        && (directory.Length == 0 || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal));

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
