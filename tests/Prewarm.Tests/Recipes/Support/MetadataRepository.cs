using System.Text.Json;
using Prewarm.Core.Cargo;
using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Tests.Recipes.Support;

/// <summary>A <see cref="CargoRepository"/> built from cargo's own view (<c>cargo metadata</c>) and
/// the files on disk: lets recipe tests run on cargo's discovery independently of Scan's.</summary>
internal static class MetadataRepository
{
    public static async Task<CargoRepository> LoadAsync(string root, string id = "repo")
    {
        var metadata = await CargoProcess.RunAsync(root, ["metadata", "--format-version", "1", "--offline", "--locked"]);
        using var document = JsonDocument.Parse(metadata.StandardOutput);
        var workspaceRoot = Relative(root, Path.Combine(document.RootElement.GetProperty("workspace_root").GetString()!, "Cargo.toml"));
        var members = document.RootElement.GetProperty("workspace_members").EnumerateArray().Select(m => m.GetString()!).ToHashSet();
        var packages = new List<CargoPackage>();
        foreach (var package in document.RootElement.GetProperty("packages").EnumerateArray())
        {
            if (package.GetProperty("source").ValueKind != JsonValueKind.Null)
            {
                continue;
            }

            var manifest = Relative(root, package.GetProperty("manifest_path").GetString()!);
            var targets = package.GetProperty("targets").EnumerateArray().Select(t => new CargoTarget
            {
                Name = t.GetProperty("name").GetString()!,
                Kinds = t.GetProperty("kind").EnumerateArray().Select(k => k.GetString()!).ToList(),
                CrateTypes = t.GetProperty("crate_types").EnumerateArray().Select(k => k.GetString()!).ToList(),
                SrcPath = Relative(root, t.GetProperty("src_path").GetString()!),
                Edition = t.GetProperty("edition").GetString()!,
                RequiredFeatures = t.TryGetProperty("required-features", out var rf) ? rf.EnumerateArray().Select(f => f.GetString()!).ToList() : [],
                Test = t.GetProperty("test").GetBoolean(),
                Doctest = t.GetProperty("doctest").GetBoolean(),
                Doc = t.GetProperty("doc").GetBoolean(),
            }).Select(t => t with { Bench = TargetDiscovery.WithDefaultFlags(t).Bench }).ToList(); // metadata does not say `bench`
            packages.Add(new CargoPackage
            {
                Name = package.GetProperty("name").GetString()!,
                Version = package.GetProperty("version").GetString()!,
                ManifestPath = manifest,
                Edition = package.GetProperty("edition").GetString()!,
                Targets = targets.Where(t => !t.Kinds.Contains("custom-build")).ToList(),
                BuildScript = targets.FirstOrDefault(t => t.Kinds.Contains("custom-build"))?.SrcPath,
                Dependencies = package.GetProperty("dependencies").EnumerateArray().Select(d => new CargoDependency
                {
                    Name = d.GetProperty("name").GetString()!,
                    Kind = d.GetProperty("kind").GetString() switch { "dev" => DependencyKind.Development, "build" => DependencyKind.Build, _ => DependencyKind.Normal },
                    Req = d.GetProperty("req").GetString()!,
                    Path = d.TryGetProperty("path", out var p) ? Relative(root, p.GetString()!) : null,
                    Source = d.GetProperty("source").GetString(),
                    Features = d.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToList(),
                    UsesDefaultFeatures = d.GetProperty("uses_default_features").GetBoolean(),
                    Rename = d.GetProperty("rename").GetString(),
                    Target = d.GetProperty("target").GetString(),
                }).ToList(),
                WorkspaceRoot = members.Contains(package.GetProperty("id").GetString()!) ? workspaceRoot : null,
            });
        }

        var manifests = packages.Select(p => p.ManifestPath).Append(workspaceRoot).Distinct().Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var text = File.ReadAllText(Path.Combine(root, path));
                var table = TomlSerializer.Deserialize<TomlTable>(text)!;
                return new CargoManifest { Path = path, Text = text, HasPackage = table.ContainsKey("package"), HasWorkspace = table.ContainsKey("workspace") };
            }).ToList();
        var rootTable = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(root, workspaceRoot)))!;
        var patches = new List<CargoPatch>();
        if (rootTable.TryGetValue("patch", out var patchValue) && patchValue is TomlTable patchSources)
        {
            foreach (var (source, entries) in patchSources)
            {
                foreach (var (name, spec) in (TomlTable)entries)
                {
                    var path = ((TomlTable)spec).TryGetValue("path", out var pp) ? ManifestPaths.Normalize(ManifestPaths.Combine(ManifestPaths.DirectoryOf(workspaceRoot), (string)pp)) : null;
                    patches.Add(new CargoPatch { Source = source, Replacement = new CargoDependency { Name = name, Kind = DependencyKind.Normal, Req = "*", Path = path } });
                }
            }
        }

        var workspace = new CargoWorkspace
        {
            RootManifestPath = workspaceRoot,
            IsVirtual = !rootTable.ContainsKey("package"),
            Members = packages.Where(p => p.WorkspaceRoot is not null).Select(p => p.ManifestPath).Order(StringComparer.Ordinal).ToList(),
            Patches = patches,
        };
        var lockPath = ManifestPaths.Combine(ManifestPaths.DirectoryOf(workspaceRoot), "Cargo.lock");
        return new CargoRepository
        {
            Id = id,
            RootPath = root,
            Workspaces = [workspace],
            Packages = packages.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).ToList(),
            Manifests = manifests,
            Lockfiles = File.Exists(Path.Combine(root, lockPath)) ? [ParseLockfile(root, lockPath)] : [],
        };
    }

    public static Lockfile ParseLockfile(string root, string path)
    {
        var table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(root, path)))!;
        var packages = ((TomlTableArray)table["package"]).Select(p => new LockedPackage
        {
            Name = (string)p["name"],
            Version = (string)p["version"],
            Source = p.TryGetValue("source", out var s) ? (string)s : null,
            Checksum = p.TryGetValue("checksum", out var c) ? (string)c : null,
            Dependencies = p.TryGetValue("dependencies", out var d) ? ((TomlArray)d).Select(x => (string)x!).ToList() : [],
        }).ToList();
        return new Lockfile(path, table.TryGetValue("version", out var v) ? Convert.ToInt32(v) : 1, packages);
    }

    private static string Relative(string root, string full) => ManifestPaths.Relative(root, full);
}
