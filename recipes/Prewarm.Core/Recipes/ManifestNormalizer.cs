using Prewarm.Core.Cargo;
using Tomlyn.Model;

namespace Prewarm.Core.Recipes;

/// <summary>Turns a manifest into its skeleton form: metadata and lints removed, local versions
/// masked, every target declared explicitly (auto-discovery off), keys sorted. Pure: works on the
/// parsed table it is given and the package model from discovery.</summary>
public static class ManifestNormalizer
{
    /// <param name="document">A fresh parse of the manifest; modified in place.</param>
    /// <param name="manifestPath">The manifest, repository-relative.</param>
    /// <param name="package">The package this manifest declares, or null for a virtual workspace root.</param>
    /// <param name="maskedVersionOf">The masked version of a repository-relative package directory, or null where it keeps its own.</param>
    /// <param name="keptMembers">With a member filter: the repository-relative directories of the members to keep.</param>
    /// <param name="keepSharedTables">Keep <c>[workspace.package]</c> and <c>[workspace.lints]</c> as written:
    /// a patched member's manifest, kept as written, may inherit anything from them.</param>
    public static RecipeManifest Normalize(
        TomlTable document,
        string manifestPath,
        CargoPackage? package,
        Func<string, string?> maskedVersionOf,
        IReadOnlyCollection<string>? keptMembers = null,
        bool keepSharedTables = false)
    {
        var directory = ManifestPaths.DirectoryOf(manifestPath);
        RemoveKeys(document, ManifestMetadata.TopLevelKeys);
        if (TomlDocuments.Table(document, "workspace") is { } workspace)
        {
            NormalizeWorkspace(workspace, directory, maskedVersionOf, keptMembers, keepSharedTables);
        }

        var targets = new List<RecipeTarget>();
        if (TomlDocuments.Table(document, "package") is { } packageTable)
        {
            RemoveKeys(packageTable, ManifestMetadata.PackageKeys);
            // An inherited version is [workspace.package]'s, masked there, unless this package needs
            // another one to stay apart from a namesake.
            if (package is not null && maskedVersionOf(package.Directory) is { } masked
                && !(packageTable.TryGetValue("version", out var version) && version is TomlTable && masked == ManifestMetadata.MaskedVersion))
            {
                packageTable["version"] = masked;
            }

            if (package is not null)
            {
                targets.AddRange(DeclareTargets(document, packageTable, package, directory));
            }
        }

        MaskPathDependencies(document, directory, maskedVersionOf);
        var name = TomlDocuments.Table(document, "package") is { } written && written.TryGetValue("name", out var value) ? value as string : null;
        return new RecipeManifest(manifestPath, TomlDocuments.Serialize(document), targets) { PackageName = name };
    }

    /// <summary>Maps discovery's target kinds onto cargo-chef's.</summary>
    public static RecipeTargetKind KindOf(CargoTarget target) =>
        target.Kinds.Contains("proc-macro") ? RecipeTargetKind.ProcMacro
        : target.Kinds.Contains("bin") ? RecipeTargetKind.Bin
        : target.Kinds.Contains("example") ? RecipeTargetKind.Example
        : target.Kinds.Contains("test") ? RecipeTargetKind.Test
        : target.Kinds.Contains("bench") ? RecipeTargetKind.Bench
        : target.Kinds.Contains("custom-build") ? RecipeTargetKind.BuildScript
        : RecipeTargetKind.Lib;

    private static void NormalizeWorkspace(TomlTable workspace, string directory, Func<string, string?> maskedVersionOf, IReadOnlyCollection<string>? keptMembers, bool keepSharedTables)
    {
        RemoveKeys(workspace, keepSharedTables ? ManifestMetadata.WorkspaceKeysButLints : ManifestMetadata.WorkspaceKeys);
        if (!keepSharedTables && TomlDocuments.Table(workspace, "package") is { } shared)
        {
            RemoveKeys(shared, ManifestMetadata.PackageKeys);
            if (shared.ContainsKey("version"))
            {
                shared["version"] = ManifestMetadata.MaskedVersion;
            }
        }

        if (TomlDocuments.Table(workspace, "dependencies") is { } dependencies)
        {
            MaskTable(dependencies, directory, maskedVersionOf);
        }

        if (keptMembers is not null)
        {
            RestrictMembers(workspace, directory, keptMembers);
        }
    }

    /// <summary>Lists exactly <paramref name="keptMembers"/> (repository-relative directories) as the members of
    /// <paramref name="workspace"/>, whose root lies in <paramref name="directory"/>: globs would pull the dropped
    /// members back in, so the kept ones are listed explicitly, and <c>default-members</c> goes.</summary>
    internal static void RestrictMembers(TomlTable workspace, string directory, IEnumerable<string> keptMembers)
    {
        var members = new TomlArray();
        foreach (var member in keptMembers.Select(m => Relative(directory, m)).Distinct().Order(StringComparer.Ordinal))
        {
            members.Add(member.Length == 0 ? "." : member);
        }

        workspace["members"] = members;
        workspace.Remove("default-members");
    }

    private static IEnumerable<RecipeTarget> DeclareTargets(TomlTable document, TomlTable packageTable, CargoPackage package, string directory)
    {
        RemoveKeys(document, ManifestMetadata.TargetTables);
        RemoveKeys(packageTable, ManifestMetadata.AutoDiscoveryKeys);

        var declared = new List<RecipeTarget>();
        var arrays = new SortedDictionary<string, TomlTableArray>(StringComparer.Ordinal);
        var ordered = package.Targets
            .Where(t => KindOf(t) != RecipeTargetKind.BuildScript)
            .OrderBy(KindOf)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.SrcPath, StringComparer.Ordinal);
        foreach (var target in ordered)
        {
            var kind = KindOf(target);
            var path = Relative(directory, target.SrcPath);
            var table = new TomlTable { ["name"] = target.Name, ["path"] = path };
            if (target.RequiredFeatures.Count > 0)
            {
                table["required-features"] = ToArray(target.RequiredFeatures);
            }

            // Flags decide which units a build compiles (`cargo test` skips a `test = false` target,
            // `cargo doc` a `doc = false` one): the skeleton keeps every one that is not the default.
            var defaults = TargetDiscovery.WithDefaultFlags(target);
            foreach (var (key, value, standard) in new[]
            {
                ("test", target.Test, defaults.Test), ("doctest", target.Doctest, defaults.Doctest),
                ("bench", target.Bench, defaults.Bench), ("doc", target.Doc, defaults.Doc), ("harness", target.Harness, defaults.Harness),
            })
            {
                if (value != standard)
                {
                    table[key] = value;
                }
            }

            switch (kind)
            {
                case RecipeTargetKind.Lib or RecipeTargetKind.ProcMacro:
                    if (kind == RecipeTargetKind.ProcMacro)
                    {
                        table["proc-macro"] = true;
                    }
                    else if (target.CrateTypes.Count > 0 && !(target.CrateTypes is ["lib"] or ["rlib"]))
                    {
                        table["crate-type"] = ToArray(target.CrateTypes);
                    }

                    document["lib"] = table;
                    break;
                case RecipeTargetKind.Example when target.CrateTypes.Count > 0 && !(target.CrateTypes is ["bin"]):
                    table["crate-type"] = ToArray(target.CrateTypes);
                    Add(arrays, "example", table);
                    break;
                default:
                    Add(arrays, kind.ToString().ToLowerInvariant(), table);
                    break;
            }

            declared.Add(new RecipeTarget(path, kind, target.Name) { Harness = target.Harness });
        }

        foreach (var (key, array) in arrays)
        {
            document[key] = array;
        }

        // Auto-discovery off: the skeleton's targets are exactly the ones listed, whatever files exist.
        packageTable["autobins"] = false;
        packageTable["autoexamples"] = false;
        packageTable["autotests"] = false;
        packageTable["autobenches"] = false;
        if (package.BuildScript is { } buildScript)
        {
            var path = Relative(directory, buildScript);
            packageTable["build"] = path;
            declared.Add(new RecipeTarget(path, RecipeTargetKind.BuildScript, "build-script-build"));
        }
        else
        {
            packageTable["build"] = false;
        }

        return declared.OrderBy(t => t.Kind).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Path, StringComparer.Ordinal);
    }

    private static void MaskPathDependencies(TomlTable document, string directory, Func<string, string?> maskedVersionOf)
    {
        foreach (var name in ManifestMetadata.DependencyTables)
        {
            if (TomlDocuments.Table(document, name) is { } table)
            {
                MaskTable(table, directory, maskedVersionOf);
            }
        }

        if (TomlDocuments.Table(document, "target") is { } platforms)
        {
            // The tables' own enumerators: Values copies every value into a new list.
            foreach (var (_, value) in platforms)
            {
                if (value is not TomlTable platform)
                {
                    continue;
                }

                foreach (var name in ManifestMetadata.DependencyTables)
                {
                    if (TomlDocuments.Table(platform, name) is { } table)
                    {
                        MaskTable(table, directory, maskedVersionOf);
                    }
                }
            }
        }
    }

    /// <summary>A path dependency's version requirement must still match the masked version of its target.</summary>
    private static void MaskTable(TomlTable dependencies, string directory, Func<string, string?> maskedVersionOf)
    {
        foreach (var (_, value) in dependencies)
        {
            if (value is TomlTable dependency && dependency.TryGetValue("path", out var path) && path is string relative
                && dependency.ContainsKey("version")
                && maskedVersionOf(ManifestPaths.Normalize(ManifestPaths.Combine(directory, relative))) is { } masked)
            {
                dependency["version"] = masked;
            }
        }
    }

    /// <summary>A repository-relative path made relative to <paramref name="directory"/> ('/'-separated, may start with "..").</summary>
    internal static string Relative(string directory, string repositoryRelative)
    {
        // The usual case, a path at or below the manifest's directory, needs no splitting (same result).
        if (directory.Length == 0)
        {
            return repositoryRelative;
        }

        if (repositoryRelative.Length > directory.Length && repositoryRelative[directory.Length] == '/'
            && repositoryRelative.StartsWith(directory, StringComparison.Ordinal))
        {
            return repositoryRelative[(directory.Length + 1)..];
        }

        var from = directory.Length == 0 ? [] : directory.Split('/');
        var to = repositoryRelative.Length == 0 ? [] : repositoryRelative.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length && from[common] == to[common])
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }

    private static void Add(SortedDictionary<string, TomlTableArray> arrays, string key, TomlTable table)
    {
        if (!arrays.TryGetValue(key, out var array))
        {
            arrays[key] = array = new TomlTableArray();
        }

        array.Add(table);
    }

    private static TomlArray ToArray(IEnumerable<string> values)
    {
        var array = new TomlArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    private static void RemoveKeys(TomlTable table, IReadOnlyList<string> keys)
    {
        // Indexed, not enumerated through the interface: no enumerator per call.
        for (var i = 0; i < keys.Count; i++)
        {
            table.Remove(keys[i]);
        }
    }
}
