using Prewarm.Core.Cargo;

namespace Prewarm.Core.Toolchain;

/// <summary>
/// What the build of a repository's root (what the image's <c>cargo build</c> compiles) needs of cargo
/// and rustc, from what Scan read: the root lockfile's version, and each package's edition (of the
/// package and of any target that sets its own) and <c>rust-version</c>. A value a package inherits from
/// <c>[workspace.package]</c> is the workspace root manifest's, so that is the file named.
/// </summary>
public static class ToolchainRequirements
{
    private const string RootManifest = "Cargo.toml";
    private const string RootLockfile = "Cargo.lock";
    private const string NewerImage = "use a base image with a newer toolchain";

    /// <summary>The first cargo that reads a lockfile of <paramref name="version"/> (cargo's own table
    /// of lockfile versions, when each was introduced, not when it became the default: v2 1.38, v3 1.47, v4 1.78); null for v1, which every cargo reads.</summary>
    public static RustRelease? Lockfile(int version) => version switch
    {
        >= 4 => new RustRelease(1, 78, 0),
        3 => new RustRelease(1, 47, 0),
        2 => new RustRelease(1, 38, 0),
        _ => null,
    };

    /// <summary>The first release that knows <paramref name="edition"/>: 2018 1.31, 2021 1.56, 2024 1.85;
    /// null for 2015 (and anything else, which Scan refuses).</summary>
    public static RustRelease? Edition(string edition) => edition switch
    {
        "2018" => new RustRelease(1, 31, 0),
        "2021" => new RustRelease(1, 56, 0),
        "2024" => new RustRelease(1, 85, 0),
        _ => null,
    };

    /// <summary>Every need of the repository root's build, lockfile first, then by file.</summary>
    public static IReadOnlyList<ToolchainNeed> Of(CargoRepository repository)
    {
        var needs = new List<ToolchainNeed>();
        if (repository.Lockfiles.FirstOrDefault(l => l.Path == RootLockfile) is { } lockfile && Lockfile(lockfile.Version) is { } reads)
        {
            var fix = lockfile.Version >= 4 ? $"write version = 3, or {NewerImage}" : NewerImage;
            needs.Add(new ToolchainNeed(lockfile.Path, $"lockfile version {lockfile.Version}", RustTool.Cargo, reads, fix));
        }

        var packages = new List<ToolchainNeed>();
        foreach (var package in RootBuild(repository))
        {
            var workspace = repository.Workspaces.FirstOrDefault(w => w.RootManifestPath == (package.WorkspaceRoot ?? package.InheritsFrom));
            packages.AddRange(Editions(package, workspace));
            if (package.RustVersion is { } rustVersion && RustRelease.TryParse(rustVersion, out var minimum))
            {
                var (file, key) = Source(package, workspace, "rust-version", rustVersion);
                packages.Add(new ToolchainNeed(file, $"{key} {rustVersion}", RustTool.Rustc, minimum, $"lower it, or {NewerImage}"));
            }
        }

        needs.AddRange(packages.Distinct().OrderBy(n => n.File, StringComparer.Ordinal));
        return needs;
    }

    /// <summary>The needs <paramref name="toolchain"/> falls short of, one per file and value (the first
    /// tool short of it: an edition needs both rustc and cargo).</summary>
    public static IReadOnlyList<ToolchainShortfall> Check(IEnumerable<ToolchainNeed> needs, ImageToolchain toolchain) =>
        needs.Where(n => toolchain.ReleaseOf(n.Tool) < n.Minimum)
            .DistinctBy(n => (n.File, n.What))
            .Select(n => new ToolchainShortfall(n, toolchain.VersionOf(n.Tool)))
            .ToList();

    /// <summary>An edition needs rustc to compile it and cargo to read the manifest.</summary>
    private static IEnumerable<ToolchainNeed> Editions(CargoPackage package, CargoWorkspace? workspace)
    {
        var (file, key) = Source(package, workspace, "edition", package.Edition);
        var editions = package.Targets.Where(t => t.Edition != package.Edition)
            .Select(t => (Edition: t.Edition, What: $"edition {t.Edition} (target `{t.Name}`)", File: package.ManifestPath))
            .Prepend((Edition: package.Edition, What: $"{key} {package.Edition}", File: file));
        foreach (var (edition, what, where) in editions)
        {
            if (Edition(edition) is { } minimum)
            {
                yield return new ToolchainNeed(where, what, RustTool.Rustc, minimum, NewerImage);
                yield return new ToolchainNeed(where, what, RustTool.Cargo, minimum, NewerImage);
            }
        }
    }

    /// <summary>Where a package's value of <paramref name="key"/> comes from: its workspace's
    /// <c>[workspace.package]</c> when that holds the same value, else its own manifest.</summary>
    private static (string File, string Key) Source(CargoPackage package, CargoWorkspace? workspace, string key, string value) =>
        workspace is not null && workspace.Package.TryGetValue(key, out var shared) && shared == value
            ? (workspace.RootManifestPath, $"workspace.package.{key}")
            : (package.ManifestPath, key);

    /// <summary>The packages cargo reads to build the root: the root package or workspace (members and
    /// the patched directories it reads), and the path dependencies they reach.</summary>
    private static IEnumerable<CargoPackage> RootBuild(CargoRepository repository)
    {
        var byDirectory = repository.Packages.ToDictionary(p => p.Directory, StringComparer.Ordinal);
        var roots = repository.Packages.Where(p => p.ManifestPath == RootManifest || p.WorkspaceRoot == RootManifest || p.InheritsFrom == RootManifest);
        var patched = repository.Workspaces.Where(w => w.RootManifestPath == RootManifest)
            .SelectMany(w => w.Patches.Concat(w.Replacements))
            .Concat(repository.Packages.Where(p => p.ManifestPath == RootManifest).SelectMany(p => (p.Patches ?? []).Concat(p.Replacements ?? [])))
            .Select(p => p.Replacement.Path is { } path && byDirectory.TryGetValue(path, out var package) ? package : null)
            .OfType<CargoPackage>();
        var pending = new Stack<CargoPackage>(roots.Concat(patched));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var package))
        {
            if (!seen.Add(package.ManifestPath))
            {
                continue;
            }

            yield return package;
            foreach (var dependency in package.Dependencies)
            {
                if (dependency.Path is { } path && byDirectory.TryGetValue(path, out var next))
                {
                    pending.Push(next);
                }
            }
        }
    }
}
