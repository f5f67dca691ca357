using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Reads the dependency tables of one manifest the way cargo resolves them, including
/// <c>workspace = true</c> inheritance from <c>[workspace.dependencies]</c>.</summary>
internal sealed class DependencyReader(
    TomlValues values,
    string repoRoot,
    IReadOnlyDictionary<string, string> registries)
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

                string normalized;
                try
                {
                    normalized = CfgExpression.Normalize(platform, values.File);
                }
                catch (CargoManifestException e) when (e.Line is null)
                {
                    throw values.At(targets, platform, e.Problem);
                }

                ReadTables(platformTable, normalized, packageDirectory, workspaceDependencies, result);
            }
        }

        return result;
    }

    /// <summary>The specs of <c>[workspace.dependencies]</c> (or <c>[patch.x]</c>/<c>[replace]</c>) with paths relative to the repository root.</summary>
    public Dictionary<string, DependencySpec> ReadSpecs(TomlTable table, string baseDirectory, string tableName)
    {
        var specs = new Dictionary<string, DependencySpec>(StringComparer.Ordinal);
        foreach (var (key, value) in table)
        {
            // `[replace]` keys are package ids (`name:version`); the other tables' keys are names.
            if (tableName != "replace" && CrateName.Problem(key) is { } nameProblem)
            {
                throw values.At(table, key, $"invalid dependency name `{key}`: it {nameProblem}");
            }

            var spec = ReadSpec(table, key, value, baseDirectory);
            if (tableName != "workspace.dependencies" && spec.Path is { } directory)
            {
                // A patch or replacement is used as written; a workspace entry is checked where a member inherits it.
                RequirePath(repoRoot, () => TomlText.PositionOf(table, key) is var (line, column) ? $"{values.File}:{line}:{column}" : values.File, key, directory);
            }

            specs[key] = spec;
        }

        return specs;
    }

    /// <summary>The manifest's <c>[patch.source]</c> entries, by source and then name, with paths relative to the repository root.</summary>
    public List<CargoPatch> ReadPatches(TomlTable document, string directory)
    {
        var patches = new List<CargoPatch>();
        foreach (var (source, body) in values.Table(document, "patch") ?? new TomlTable())
        {
            if (body is not TomlTable table)
            {
                throw values.Invalid($"patch.{source}", "a table", body);
            }

            patches.AddRange(ReadSpecs(table, directory, $"patch.{source}")
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CargoPatch { Source = source, Replacement = ToDependency(kv.Key, kv.Value, DependencyKind.Normal, null, false) }));
        }

        return patches.OrderBy(p => p.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>The manifest's <c>[replace]</c> entries (keyed by package id, <c>name:version</c>), by id.</summary>
    public List<CargoPatch> ReadReplacements(TomlTable document, string directory) =>
        values.Table(document, "replace") is { } replace
            ? ReadSpecs(replace, directory, "replace")
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new CargoPatch { Source = kv.Key, Replacement = ToDependency(kv.Key.Split(':')[0], kv.Value, DependencyKind.Normal, null, false) })
                .ToList()
            : [];

    public CargoDependency ToDependency(string key, DependencySpec spec, DependencyKind kind, string? target, bool inherited) =>
        new()
        {
            Name = spec.Package ?? key,
            // cargo reports the key as a rename whenever `package` is written, even when they are equal.
            Rename = spec.Package is not null ? key : null,
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
                if (CrateName.Problem(key) is { } nameProblem)
                {
                    throw values.At(table, key, $"invalid dependency name `{key}`: it {nameProblem}");
                }

                var spec = ReadSpec(table, key, value, packageDirectory);
                var inherited = spec.Workspace;
                if (inherited)
                {
                    spec = Inherit(table, key, spec, workspaceDependencies);
                }

                Validate(table, key, spec, kind);
                result.Add(ToDependency(key, spec, kind, target, inherited));
            }
        }
    }

    /// <summary>Cargo's checks of one dependency once inheritance is applied: it needs a source, at
    /// most one of `git` and `path`, git references only with `git`, plain feature names, and a
    /// dev-dependency cannot be optional.</summary>
    private void Validate(TomlTable table, string key, DependencySpec spec, DependencyKind kind)
    {
        // Per dependency of every package: no arrays or closures for what is nearly always null.
        var reference = spec.Branch is not null ? "branch" : spec.Tag is not null ? "tag" : spec.Rev is not null ? "rev" : null;
        var feature = FirstQualified(spec.Features);
        var problem = (spec.Version, spec.Path, spec.Git) switch
        {
            (null, null, null) => $"dependency `{key}` is specified without a local path, Git repository, version, or workspace dependency to use",
            (_, not null, not null) => $"dependency `{key}` is ambiguous: only one of `git` or `path` is allowed",
            (_, _, null) when reference is not null => $"dependency `{key}` has `{reference}` but no `git`",
            _ when feature is not null && feature.Contains('/') => $"feature `{feature}` in dependency `{key}` is not allowed to contain slashes (the dependency must re-export it in its [features])",
            _ when feature is not null => $"feature `{feature}` in dependency `{key}` is not allowed to use explicit `dep:` syntax",
            _ when kind == DependencyKind.Development && spec.Optional == true => $"dev-dependencies are not allowed to be optional: `{key}`",
            _ when spec.Package is { } package && CrateName.Problem(package) is { } nameProblem => $"dependency `{key}` renames package `{package}`, but that name {nameProblem}",
            _ => null,
        };
        if (problem is not null)
        {
            throw values.At(table, key, problem);
        }
    }

    /// <summary>Whether <see cref="RequirePath"/> lets the path dependency in <paramref name="directory"/>
    /// pass, asked first where building its <c>at</c> (a closure per dependency) would cost.</summary>
    internal static bool PathIsUsable(string directory, Func<string, bool> manifestExists) =>
        !IsOutside(directory) && manifestExists(ManifestPaths.Combine(directory, "Cargo.toml"));

    private static bool IsOutside(string directory) => directory == ".." || directory.StartsWith("../", StringComparison.Ordinal);

    private static string? FirstQualified(IReadOnlyList<string>? features)
    {
        if (features is not null)
        {
            foreach (var feature in features)
            {
                if (feature.Contains('/') || feature.StartsWith("dep:", StringComparison.Ordinal))
                {
                    return feature;
                }
            }
        }

        return null;
    }

    /// <summary>A path dependency must hold a Cargo.toml and (Prewarm's rule) stay inside the repository,
    /// the only part copied into the Docker build context. <paramref name="at"/> is <c>file:line:column</c>.</summary>
    /// <summary>Refuses a path dependency outside the repository or without a Cargo.toml.</summary>
    /// <param name="repoRoot">The repository root, absolute.</param>
    /// <param name="at">Where the dependency is written, asked only for the error (finding it is a
    /// search of the file's key positions, too slow to do for every dependency of a large workspace).</param>
    /// <param name="key">The dependency's key.</param>
    /// <param name="directory">Its directory, repository-relative.</param>
    /// <param name="manifestExists">Whether a repository-relative manifest exists, when the caller knows
    /// better than a call to the disk (the scan's listings); null asks the disk.</param>
    internal static void RequirePath(string repoRoot, Func<string> at, string key, string directory, Func<string, bool>? manifestExists = null)
    {
        if (IsOutside(directory))
        {
            throw new WorkspaceLayoutException(at(), $"path dependency `{key}` points at `{directory}`, outside the repository");
        }

        var exists = manifestExists is null
            ? File.Exists(Path.Combine(repoRoot, directory.Replace('/', Path.DirectorySeparatorChar), "Cargo.toml"))
            : manifestExists(ManifestPaths.Combine(directory, "Cargo.toml"));
        if (!exists)
        {
            throw new WorkspaceLayoutException(at(), $"path dependency `{key}` points at `{directory}`, which has no Cargo.toml");
        }
    }

    /// <summary>Cargo's merge of a member's <c>{ workspace = true, … }</c> with the workspace entry:
    /// features are appended, optional comes from the member, and the member can only turn
    /// default features back on.</summary>
    private DependencySpec Inherit(TomlTable owner, string key, DependencySpec member, IReadOnlyDictionary<string, DependencySpec>? workspaceDependencies)
    {
        if (workspaceDependencies is null)
        {
            throw values.At(owner, key, $"dependency `{key}` has `workspace = true` but the package is not in a workspace");
        }

        if (!workspaceDependencies.TryGetValue(key, out var shared))
        {
            throw values.At(owner, key, $"dependency `{key}` has `workspace = true` but `workspace.dependencies.{key}` is not defined");
        }

        if (_strictInheritance && member.DefaultFeatures == false && shared.DefaultFeatures != false)
        {
            // Earlier editions only warn and keep the workspace's default features.
            throw values.At(owner, key, $"dependency `{key}`: `default-features = false` cannot override the workspace's `default-features` (edition 2024)");
        }

        return shared with
        {
            Features = shared.Features is null && member.Features is null ? null : (shared.Features ?? []).Concat(member.Features ?? []).ToList(),
            Optional = member.Optional,
            DefaultFeatures = member.DefaultFeatures == true ? true : shared.DefaultFeatures,
            Workspace = false,
        };
    }

    private DependencySpec ReadSpec(TomlTable owner, string key, object? value, string baseDirectory)
    {
        switch (value)
        {
            case string version:
                return new DependencySpec { Version = version, Simple = true };
            case TomlTable table:
                if ((table.ContainsKey("branch") ? 1 : 0) + (table.ContainsKey("tag") ? 1 : 0) + (table.ContainsKey("rev") ? 1 : 0) > 1)
                {
                    var references = new[] { "branch", "tag", "rev" }.Where(table.ContainsKey);
                    // cargo: a git dependency names at most one reference to check out.
                    throw values.At(owner, key, $"dependency `{key}` specifies more than one of `branch`, `tag` and `rev` ({string.Join(", ", references)})");
                }

                var path = values.String(table, "path");
                if (path is not null && (Path.IsPathRooted(path) || path.Length > 1 && path[1] == ':'))
                {
                    // Prewarm copies the repository into a Docker build context: an absolute path is not in it.
                    throw values.At(owner, key, $"path dependency `{key}` has the absolute path `{path}`; only paths inside the repository are supported");
                }
                var defaultFeatures = values.Bool(table, "default-features") ?? values.Bool(table, "default_features");
                return new DependencySpec
                {
                    Version = values.String(table, "version"),
                    Path = path is null ? null : ManifestPaths.Normalize(ManifestPaths.Combine(baseDirectory, path.Replace('\\', '/'))),
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
                throw values.Invalid(owner, key, "a version string or a table", value);
        }
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
