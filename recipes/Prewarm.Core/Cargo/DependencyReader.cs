using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Reads the dependency tables of one manifest the way cargo resolves them, including
/// <c>workspace = true</c> inheritance from <c>[workspace.dependencies]</c>, and refuses what cargo
/// refuses (invalid names, ambiguous git references, missing path dependencies) with the position
/// of the offending entry.</summary>
internal sealed class DependencyReader(
    TomlValues values,
    string repoRoot,
    IReadOnlyDictionary<string, string> registries,
    IDictionary<CargoDependency, (string File, TomlPosition? At)>? declarations = null)
{
    public const string CratesIo = "registry+https://github.com/rust-lang/crates.io-index";

    private bool _strictInheritance;

    private static readonly (string Table, DependencyKind Kind)[] Tables =
    [
        ("dependencies", DependencyKind.Normal),
        ("dev-dependencies", DependencyKind.Development),
        ("dev_dependencies", DependencyKind.Development),
        ("build-dependencies", DependencyKind.Build),
        ("build_dependencies", DependencyKind.Build),
    ];

    /// <summary>Every dependency of a package manifest, in cargo's order: untargeted tables, then each
    /// target's. <c>workspaceDependencies</c> are the root's specs, or null outside a workspace;
    /// <c>edition</c> (when known) enables cargo's edition-2024 inheritance checks.</summary>
    public List<CargoDependency> ReadAll(TomlTable document, string packageDirectory, IReadOnlyDictionary<string, DependencySpec>? workspaceDependencies, string? edition = null)
    {
        _strictInheritance = edition is not null && int.TryParse(edition, out var year) && year >= 2024;
        var result = new List<CargoDependency>();
        ReadTables(document, null, packageDirectory, workspaceDependencies, result);
        if (values.Table(document, "target") is { } targets)
        {
            foreach (var (platform, body) in targets)
            {
                if (body is not TomlTable platformTable)
                {
                    throw values.Invalid(targets, platform, "a table", body);
                }

                if (!CfgExpression.TryNormalize(platform, out var target, out var problem))
                {
                    throw values.Error(targets, platform, problem, atKey: true);
                }

                ReadTables(platformTable, target, packageDirectory, workspaceDependencies, result);
            }
        }

        return result;
    }

    /// <summary>The specs of <c>[workspace.dependencies]</c> (or <c>[patch.x]</c>/<c>[replace]</c>) with paths
    /// relative to the repository root. <paramref name="keysAreNames"/>: the keys must be valid package
    /// names; <paramref name="pathsAreUsed"/>: path entries are used as they are, so they must exist
    /// inside the repository (workspace entries are checked where a member inherits them).</summary>
    public Dictionary<string, DependencySpec> ReadSpecs(TomlTable table, string baseDirectory, bool keysAreNames, bool pathsAreUsed)
    {
        var specs = new Dictionary<string, DependencySpec>(StringComparer.Ordinal);
        foreach (var (key, value) in table)
        {
            if (keysAreNames)
            {
                RequireName(table, key);
            }

            var spec = ReadSpec(table, key, value, baseDirectory);
            if (pathsAreUsed)
            {
                RequirePath(table, key, spec);
            }

            specs[key] = spec;
        }

        return specs;
    }

    public CargoDependency ToDependency(string key, DependencySpec spec, DependencyKind kind, string? target, bool inherited) =>
        new()
        {
            Name = spec.Package ?? key,
            Rename = spec.Package is not null && spec.Package != key ? key : null,
            Kind = kind,
            Target = target,
            Req = VersionRequirement.Normalize(spec.Version),
            Features = spec.Features ?? [],
            UsesDefaultFeatures = spec.DefaultFeatures ?? true,
            Optional = spec.Optional ?? false,
            Source = SourceOf(key, spec),
            Path = spec.Path,
            Git = spec.Git,
            Branch = spec.Branch,
            Tag = spec.Tag,
            Rev = spec.Rev,
            Registry = spec.Registry,
            Inherited = inherited,
        };

    private void ReadTables(TomlTable owner, string? target, string packageDirectory, IReadOnlyDictionary<string, DependencySpec>? workspaceDependencies, List<CargoDependency> result)
    {
        foreach (var (tableName, kind) in Tables)
        {
            if (values.Table(owner, tableName) is not { } table)
            {
                continue;
            }

            foreach (var (key, value) in table)
            {
                RequireName(table, key);
                var spec = ReadSpec(table, key, value, packageDirectory);
                var inherited = spec.Workspace;
                if (inherited)
                {
                    spec = Inherit(table, key, spec, workspaceDependencies);
                }

                Validate(table, key, spec, kind);
                var dependency = ToDependency(key, spec, kind, target, inherited);
                declarations?.TryAdd(dependency, (values.File, values.PositionOf(table, key)));
                result.Add(dependency);
            }
        }
    }

    /// <summary>Cargo's checks of one dependency once inheritance is applied (its dep_to_dependency).</summary>
    private void Validate(TomlTable table, string key, DependencySpec spec, DependencyKind kind)
    {
        string? problem = null;
        var gitReferences = new[] { ("branch", spec.Branch), ("tag", spec.Tag), ("rev", spec.Rev) }.Where(r => r.Item2 is not null).ToList();
        if (spec.Version is null && spec.Path is null && spec.Git is null)
        {
            problem = $"dependency `{key}` is specified without a local path, Git repository, version, or workspace dependency to use";
        }
        else if (spec.Git is not null && spec.Path is not null)
        {
            problem = $"dependency `{key}` is ambiguous: only one of `git` or `path` is allowed";
        }
        else if (spec.Git is null && gitReferences.Count > 0)
        {
            problem = $"dependency `{key}` has `{gitReferences[0].Item1}` but no `git`";
        }
        else if (gitReferences.Count > 1)
        {
            problem = $"dependency `{key}` is ambiguous: only one of `branch`, `tag` or `rev` is allowed, found {string.Join(" and ", gitReferences.Select(r => $"`{r.Item1}`"))}";
        }
        else if (spec.Features?.FirstOrDefault(f => f.Contains('/') || f.StartsWith("dep:", StringComparison.Ordinal)) is { } feature)
        {
            problem = feature.Contains('/')
                ? $"feature `{feature}` in dependency `{key}` is not allowed to contain slashes (the dependency must re-export the feature in its [features])"
                : $"feature `{feature}` in dependency `{key}` is not allowed to use explicit `dep:` syntax";
        }
        else if (kind == DependencyKind.Development && spec.Optional == true)
        {
            problem = $"dev-dependencies are not allowed to be optional: `{key}`";
        }
        else if (spec.Package is { } package && CargoNames.PackageNameProblem(package) is { } nameProblem)
        {
            problem = $"dependency `{key}`: {nameProblem}";
        }

        if (problem is not null)
        {
            throw values.Error(table, key, problem);
        }

        RequirePath(table, key, spec);
    }

    /// <summary>A path dependency must have a Cargo.toml, and (Prewarm's own rule) stay inside the
    /// repository: only the repository is copied into the Docker build context.</summary>
    private void RequirePath(TomlTable table, string key, DependencySpec spec)
    {
        if (spec.Path is not { } directory)
        {
            return;
        }

        // Another drive (Windows) stays rooted after making it relative.
        if (directory == ".." || directory.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(directory))
        {
            throw new WorkspaceLayoutException(values.File, values.PositionOf(table, key),
                $"path dependency `{key}` points at `{spec.PathAsWritten}`, outside the repository root; Prewarm copies only the repository into the Docker build context, so path dependencies must stay inside it");
        }

        if (!File.Exists(Path.Combine(repoRoot, directory.Replace('/', Path.DirectorySeparatorChar), "Cargo.toml")))
        {
            throw new WorkspaceLayoutException(values.File, values.PositionOf(table, key),
                $"path dependency `{key}` points at `{directory}`, which has no Cargo.toml");
        }
    }

    private void RequireName(TomlTable table, string key)
    {
        if (CargoNames.PackageNameProblem(key) is { } problem)
        {
            throw values.Error(table, key, problem, atKey: true);
        }
    }

    /// <summary>Cargo's merge of a member's <c>{ workspace = true, … }</c> with the workspace entry:
    /// features are appended, optional comes from the member, and the member can only turn
    /// default features back on.</summary>
    private DependencySpec Inherit(TomlTable table, string key, DependencySpec member, IReadOnlyDictionary<string, DependencySpec>? workspaceDependencies)
    {
        if (workspaceDependencies is null)
        {
            throw values.Error(table, key, $"dependency `{key}` has `workspace = true` but the package is not in a workspace");
        }

        if (!workspaceDependencies.TryGetValue(key, out var shared))
        {
            throw values.Error(table, key, $"dependency `{key}` has `workspace = true` but `workspace.dependencies.{key}` is not defined");
        }

        if (_strictInheritance && member.DefaultFeatures == false && shared.DefaultFeatures != false)
        {
            // Earlier editions only warn and keep the workspace's default features.
            throw values.Error(table, key, $"dependency `{key}`: `default-features = false` cannot override the workspace's `default-features` (edition 2024)");
        }

        var features = (shared.Features ?? []).Concat(member.Features ?? []).ToList();
        return shared with
        {
            Features = shared.Features is null && member.Features is null ? null : features,
            Optional = member.Optional,
            DefaultFeatures = member.DefaultFeatures == true ? true : shared.DefaultFeatures,
            Workspace = false,
        };
    }

    private DependencySpec ReadSpec(TomlTable parent, string key, object? value, string baseDirectory)
    {
        switch (value)
        {
            case string version:
                return new DependencySpec { Version = version, Simple = true };
            case TomlTable table:
                var path = values.String(table, "path");
                var defaultFeatures = values.Bool(table, "default-features") ?? values.Bool(table, "default_features");
                return new DependencySpec
                {
                    Version = values.String(table, "version"),
                    Path = path is null ? null : RepositoryRelative(baseDirectory, path),
                    PathAsWritten = path,
                    Git = values.String(table, "git"),
                    Branch = values.String(table, "branch"),
                    Tag = values.String(table, "tag"),
                    Rev = values.String(table, "rev"),
                    Package = values.String(table, "package"),
                    Registry = values.String(table, "registry"),
                    Features = values.Strings(table, "features"),
                    DefaultFeatures = defaultFeatures,
                    Optional = values.Bool(table, "optional"),
                    Workspace = values.Bool(table, "workspace") ?? false,
                };
            default:
                throw values.Invalid(parent, key, "a version string or a table", value);
        }
    }

    /// <summary>A manifest's <c>path</c> relative to the repository root ('/'-separated, lexically
    /// normalised like cargo's); a path outside the root starts with <c>..</c>.</summary>
    private string RepositoryRelative(string baseDirectory, string path)
    {
        var written = path.Replace('\\', '/');
        if (Path.IsPathRooted(path))
        {
            return ManifestPaths.Normalize(ManifestPaths.Relative(repoRoot, Path.GetFullPath(path)));
        }

        return ManifestPaths.Normalize(ManifestPaths.Combine(baseDirectory, written));
    }

    private string? SourceOf(string key, DependencySpec spec)
    {
        if (spec.Git is { } git)
        {
            var reference = spec.Branch is not null ? $"?branch={spec.Branch}"
                : spec.Tag is not null ? $"?tag={spec.Tag}"
                : spec.Rev is not null ? $"?rev={spec.Rev}"
                : string.Empty;
            return $"git+{git}{reference}";
        }

        if (spec.Path is not null)
        {
            return null;
        }

        if (spec.Registry is { } registry)
        {
            return registries.TryGetValue(registry, out var index)
                ? $"registry+{index}"
                : throw new CargoManifestException(values.File, $"dependency `{key}` uses registry `{registry}`, which no .cargo/config.toml under {Path.GetFileName(repoRoot)} defines");
        }

        return CratesIo;
    }
}
