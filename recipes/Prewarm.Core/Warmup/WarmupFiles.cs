using System.Text;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Tomlyn.Model;

namespace Prewarm.Core.Warmup;

/// <summary>Renders the warmup crates as files under <c>warmup/</c>: per tier <c>Cargo.toml</c>
/// (exact <c>=x.y.z</c> pins, unified features), <c>src/lib.rs</c>, and a <c>Cargo.lock</c> assembled
/// from the scanned lockfiles' entries, so the versions (and with them the compiled units) are the
/// ones the repositories locked.</summary>
public static class WarmupFiles
{
    public const string Edition = "2021";

    public static SortedDictionary<string, string> Render(IReadOnlyList<WarmupCrate> crates)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var crate in crates)
        {
            var keys = Keys(crate.Dependencies);
            files[$"{crate.Tier}/Cargo.toml"] = Manifest(crate, keys);
            files[$"{crate.Tier}/src/lib.rs"] = $"//! Pre-compiles the {crate.Tier} tier's dependencies; intentionally empty.\n";
            if (crate.Dependencies.Any(d => d.BuildOnly))
            {
                files[$"{crate.Tier}/build.rs"] = DummySources.Main;
            }

            if (crate.Dependencies.All(d => d.FromLockfile))
            {
                files[$"{crate.Tier}/Cargo.lock"] = Lock(crate);
            }
        }

        return files;
    }

    /// <summary>Manifest keys: the crate name, or <c>name-&lt;line&gt;</c> for a second compatibility line of the same crate.</summary>
    private static Dictionary<CrateDemand, string> Keys(IReadOnlyList<CrateDemand> dependencies)
    {
        var keys = new Dictionary<CrateDemand, string>();
        foreach (var group in dependencies.GroupBy(d => d.Name))
        {
            var first = true;
            foreach (var dependency in group.OrderByDescending(d => d.Version, Comparer<string>.Create(CompatibilityLine.Compare)))
            {
                keys[dependency] = first ? dependency.Name : $"{dependency.Name}-{CompatibilityLine.Of(dependency.Version).Replace('.', '_')}";
                first = false;
            }
        }

        return keys;
    }

    private static string Manifest(WarmupCrate crate, Dictionary<CrateDemand, string> keys)
    {
        var document = new TomlTable
        {
            ["package"] = new TomlTable
            {
                ["name"] = crate.PackageName,
                ["version"] = "0.0.1",
                ["edition"] = Edition,
                ["publish"] = false,
                ["build"] = crate.Dependencies.Any(d => d.BuildOnly) ? "build.rs" : false,
            },
            ["lib"] = new TomlTable { ["path"] = "src/lib.rs" },
        };
        foreach (var (table, dependencies) in new[] { ("dependencies", crate.Dependencies.Where(d => !d.BuildOnly)), ("build-dependencies", crate.Dependencies.Where(d => d.BuildOnly)) })
        {
            var section = new TomlTable();
            foreach (var dependency in dependencies)
            {
                var spec = new TomlTable(true) { ["version"] = dependency.FromLockfile ? "=" + dependency.Version : dependency.Version };
                if (keys[dependency] != dependency.Name)
                {
                    spec["package"] = dependency.Name;
                }

                if (!dependency.DefaultFeatures)
                {
                    spec["default-features"] = false;
                }

                if (dependency.Features.Count > 0)
                {
                    var features = new TomlArray();
                    foreach (var feature in dependency.Features)
                    {
                        features.Add(feature);
                    }

                    spec["features"] = features;
                }

                section[keys[dependency]] = spec;
            }

            if (section.Count > 0)
            {
                document[table] = section;
            }
        }

        return TomlDocuments.Serialize(document);
    }

    /// <summary>cargo's own lockfile layout (the one <c>--locked</c> compares against): entries sorted by
    /// name, version, source; a dependency is named by name alone unless that is ambiguous.</summary>
    private static string Lock(WarmupCrate crate)
    {
        var packages = new Dictionary<string, (LockedPackage Package, Lockfile Lockfile)>(StringComparer.Ordinal);
        foreach (var dependency in crate.Dependencies)
        {
            packages.TryAdd(dependency.Locked.Id, (dependency.Locked, dependency.Lockfile));
            foreach (var reached in dependency.Lockfile.TransitiveClosure(dependency.Locked))
            {
                packages.TryAdd(reached.Id, (reached, dependency.Lockfile));
            }
        }

        var root = new LockedPackage { Name = crate.PackageName, Version = "0.0.1" };
        var all = packages.Values.Select(p => p.Package).Append(root).ToList();
        var version = Math.Max(3, crate.Dependencies.Select(d => d.Lockfile.Version).DefaultIfEmpty(3).Min());

        var text = new StringBuilder();
        text.Append("# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\n");
        text.Append($"version = {version}\n");
        foreach (var package in all.OrderBy(p => p, PackageOrder))
        {
            var dependencies = package == root
                ? crate.Dependencies.Select(d => d.Locked)
                : packages[package.Id].Lockfile.DependenciesOf(packages[package.Id].Package);
            text.Append($"\n[[package]]\nname = \"{package.Name}\"\nversion = \"{package.Version}\"\n");
            if (package.Source is not null)
            {
                text.Append($"source = \"{package.Source}\"\n");
            }

            if (package.Checksum is not null)
            {
                text.Append($"checksum = \"{package.Checksum}\"\n");
            }

            var references = dependencies.Distinct().OrderBy(p => p, PackageOrder).Select(d => Reference(d, all)).ToList();
            if (references.Count > 0)
            {
                text.Append("dependencies = [\n");
                foreach (var reference in references)
                {
                    text.Append($" \"{reference}\",\n");
                }

                text.Append("]\n");
            }
        }

        return text.ToString();
    }

    private static string Reference(LockedPackage package, IReadOnlyList<LockedPackage> all)
    {
        var sameName = all.Count(p => p.Name == package.Name);
        if (sameName == 1)
        {
            return package.Name;
        }

        return all.Count(p => p.Name == package.Name && p.Version == package.Version) == 1
            ? $"{package.Name} {package.Version}"
            : package.Id;
    }

    private static readonly IComparer<LockedPackage> PackageOrder = Comparer<LockedPackage>.Create((a, b) =>
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        if (byName != 0)
        {
            return byName;
        }

        var byVersion = CompatibilityLine.Compare(a.Version, b.Version);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(a.Source, b.Source);
    });
}
