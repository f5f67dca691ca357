using Prewarm.Core.Cargo;
using Tomlyn.Model;

namespace Prewarm.Core.Scanning;

/// <summary>The packages of one scan as cargo reads them: each manifest with what it inherits from its
/// workspace, and the packages cargo loads beyond the walk (<c>[patch]</c> paths, path dependencies).</summary>
/// <param name="manifests">The manifests the scan has read.</param>
/// <param name="problems">Where a package cargo loads beyond the walk reports its problem.</param>
/// <param name="memberDependencies">Each member's dependencies as its workspace read them (<see cref="WorkspaceResolver.MemberDependencies"/>).</param>
internal sealed class PackageReader(
    LoadedManifests manifests,
    ScanProblems problems,
    IReadOnlyDictionary<(string Path, IReadOnlyDictionary<string, DependencySpec> Specs), List<CargoDependency>> memberDependencies)
{
    /// <summary>One package manifest, already parsed, as cargo reads it; reads only what the scan holds
    /// (manifests, workspace specs, the walk's listings) and the disk, so it may run on any thread.</summary>
    /// <param name="path">The manifest's path, for messages.</param>
    /// <param name="document">Its parsed table.</param>
    /// <param name="workspaceRoot">The root manifest of the workspace it belongs to, if any.</param>
    /// <param name="workspaceSpecs">That workspace's <c>[workspace.dependencies]</c>, for inherited dependencies.</param>
    /// <param name="inheritsFrom">For a package that is no member but inherits all the same (a [patch] path
    /// inside a workspace's directory): that workspace's root; <paramref name="workspaceSpecs"/> are its.</param>
    public CargoPackage Read(string path, TomlTable document, string? workspaceRoot, IReadOnlyDictionary<string, DependencySpec>? workspaceSpecs, string? inheritsFrom = null)
    {
        var values = new TomlValues(path);
        var package = values.Table(document, "package") ?? values.Table(document, "project")!;
        var inheritanceRoot = workspaceRoot ?? inheritsFrom;
        var workspaceTable = inheritanceRoot is null ? null : values.Table(manifests[inheritanceRoot].Document, "workspace")!;
        var inherited = new Inheritance(values, package, inheritanceRoot, workspaceTable);
        inherited.RequireLints(document);
        var name = Name(values, document, package);
        var edition = Edition(values, package, inherited);
        var directory = ManifestPaths.DirectoryOf(path);
        var dependencies = ReadDependencies(path, document, directory, workspaceSpecs, edition);
        foreach (var dependency in dependencies)
        {
            manifests.RequirePathDependency(path, document, dependency);
        }

        // A lone package is its own workspace root: cargo applies (and checks) its [patch] and [replace].
        var patches = inheritanceRoot is null ? manifests.Reader(path).ReadPatches(document, directory) : null;
        var replacements = inheritanceRoot is null ? manifests.Reader(path).ReadReplacements(document, directory) : null;

        var targets = TargetDiscovery.Resolve(manifests.Root, path, document, name, edition, manifests.Listings);
        return new CargoPackage
        {
            Name = name,
            Version = inherited.Value("version") ?? "0.0.0",
            ManifestPath = path,
            Edition = edition,
            RustVersion = inherited.Value("rust-version"),
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

    /// <summary>cargo reads every <c>[patch]</c>/<c>[replace]</c> path package, also one inside a workspace
    /// directory that neither lists nor excludes it (<c>vendor/foo</c>): such a package is no member and
    /// no root, but inherits from the enclosing workspace (<see cref="CargoPackage.InheritsFrom"/>).</summary>
    public void AddPatchedPackages(List<CargoPackage> packages, ResolvedWorkspaces workspaces)
    {
        var known = packages.Select(p => p.ManifestPath).ToHashSet(StringComparer.Ordinal);
        var patchPaths = workspaces.Workspaces.SelectMany(w => w.Patches.Concat(w.Replacements))
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
                var (manifest, document) = manifests.Load(path);
                if (!manifest.HasPackage || manifest.HasWorkspace)
                {
                    continue;
                }

                var root = InheritanceRoot(path, document, workspaces.Workspaces);
                packages.Add(Read(path, document, null, root is null ? null : workspaces.Specs[root], root));
            }
            catch (PrewarmException e)
            {
                problems.Add(e);
            }
        }
    }

    /// <summary>cargo loads a path dependency wherever it lies: one the walk did not read (an alias,
    /// a git-ignored or vendored directory) is read now, and so are its own path dependencies.</summary>
    public void AddPathDependencies(List<CargoPackage> packages, ResolvedWorkspaces workspaces)
    {
        var known = packages.Select(p => p.ManifestPath).ToHashSet(StringComparer.Ordinal);
        var pending = new Queue<CargoPackage>(packages);
        while (pending.TryDequeue(out var package))
        {
            foreach (var directory in package.Dependencies.Select(d => d.Path).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var path = ManifestPaths.Combine(ManifestPaths.Normalize(directory), "Cargo.toml");
                if (known.Contains(path) || !manifests.ManifestExists(path))
                {
                    continue;
                }

                known.Add(path);
                try
                {
                    var (manifest, document) = manifests.Load(path);
                    if (!manifest.HasPackage)
                    {
                        continue;
                    }

                    var workspaceRoot = manifest.HasWorkspace ? null : workspaces.Membership.GetValueOrDefault(path);
                    var dependency = Read(path, document, workspaceRoot, workspaceRoot is null ? null : workspaces.Specs[workspaceRoot]);
                    packages.Add(dependency);
                    pending.Enqueue(dependency);
                }
                catch (PrewarmException e)
                {
                    problems.Record(e, package.WorkspaceRoot ?? package.ManifestPath);
                }
            }
        }
    }

    /// <summary>The workspace a package no workspace lists still believes it is in, among <paramref name="workspaces"/>:
    /// the root its <c>package.workspace</c> names, or else the nearest enclosing root (cargo's search upwards).
    /// cargo refuses such a package on its own and never loads it from the workspace, but a <c>[patch]</c>
    /// naming it is read with what it inherits from there.</summary>
    public static string? InheritanceRoot(string path, TomlTable document, IReadOnlyList<CargoWorkspace> workspaces)
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

    /// <summary>The package's dependencies: those its workspace already read when the edition adds no check
    /// to that reading (edition 2024 refuses some inherited `default-features`), else read now.</summary>
    private List<CargoDependency> ReadDependencies(string path, TomlTable document, string directory, IReadOnlyDictionary<string, DependencySpec>? workspaceSpecs, string edition) =>
        workspaceSpecs is not null && edition is ("2015" or "2018" or "2021") && memberDependencies.TryGetValue((path, workspaceSpecs), out var read)
            ? read
            : manifests.Reader(path).ReadAll(document, directory, workspaceSpecs, edition);

    private static string Name(TomlValues values, TomlTable document, TomlTable package)
    {
        var name = values.String(package, "name") ?? throw values.At(document, document.ContainsKey("package") ? "package" : "project", "`package.name` is missing");
        if (CrateName.Problem(name) is { } nameProblem)
        {
            throw values.At(package, "name", $"invalid package name `{name}`: it {nameProblem}");
        }

        return name;
    }

    private static string Edition(TomlValues values, TomlTable package, Inheritance inherited)
    {
        var edition = inherited.Value("edition") ?? "2015";
        if (edition is not ("2015" or "2018" or "2021" or "2024"))
        {
            throw values.At(package, "edition", $"unknown edition `{edition}` (2015, 2018, 2021 and 2024 are known)");
        }

        return edition;
    }

    /// <summary>What a package takes from its workspace root (<paramref name="root"/>, null outside any):
    /// <c>package.key.workspace = true</c> from <c>[workspace.package]</c>, <c>lints.workspace = true</c>.</summary>
    private sealed class Inheritance(TomlValues values, TomlTable package, string? root, TomlTable? workspace)
    {
        private readonly TomlTable? _shared = workspace is null ? null : values.Table(workspace, "package");
        private readonly bool _sharesLints = workspace is not null && workspace.ContainsKey("lints");

        /// <summary><c>package.key</c>, from the workspace when the package inherits it.</summary>
        public string? Value(string key)
        {
            if (!values.Inherits(package, key))
            {
                return values.String(package, key);
            }

            if (_shared is null)
            {
                throw values.At(package, key, $"`package.{key}` is inherited from the workspace, but {(root is null ? "the package is in no workspace" : $"{root} has no `workspace.package.{key}`")}");
            }

            return new TomlValues(root!).String(_shared, key)
                ?? throw values.At(package, key, $"`package.{key}` is inherited from the workspace, but {root} has no `workspace.package.{key}`");
        }

        /// <summary>cargo: "error inheriting `lints` from workspace root manifest's `workspace.lints`".</summary>
        public void RequireLints(TomlTable document)
        {
            if (values.Table(document, "lints") is { } lints && lints.TryGetValue("workspace", out var inheritsLints) && inheritsLints is true
                && !_sharesLints)
            {
                throw values.At(lints, "workspace", $"`lints` is inherited from the workspace, but {(root is null ? "the package is in no workspace" : $"{root} has no `workspace.lints`")}");
            }
        }
    }
}
