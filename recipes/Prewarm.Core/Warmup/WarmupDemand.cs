using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>Aggregates the scanned repositories' direct registry dependencies into <see cref="CrateDemand"/>,
/// one row per crate and compatibility line, resolved to the versions the lockfiles locked. Every kind
/// and platform is kept, but only what <c>cargo build</c> compiles for the target counts: normal and
/// build dependencies whose <c>[target.…]</c> platform holds (build-dependencies for the host). A row
/// only dev-dependencies or other platforms use says so in <see cref="CrateDemand.LeftOut"/>.</summary>
public static class WarmupDemand
{
    public static IReadOnlyList<CrateDemand> From(IEnumerable<CargoRepository> repositories) => From(repositories, WarmupOptions.Default);

    public static IReadOnlyList<CrateDemand> From(IEnumerable<CargoRepository> repositories, WarmupOptions options)
    {
        var uses = new Dictionary<(string Name, string Line), List<Use>>();
        foreach (var repository in repositories)
        {
            foreach (var package in repository.Packages)
            {
                if (repository.LockfileFor(package) is not { } lockfile)
                {
                    continue;
                }

                foreach (var dependency in package.Dependencies.Where(IsRegistryDependency))
                {
                    if (Resolve(lockfile, package, dependency) is not { } locked)
                    {
                        continue; // An optional dependency no feature turned on is not in the lockfile.
                    }

                    var key = (locked.Name, CompatibilityLine.Of(locked.Version));
                    if (!uses.TryGetValue(key, out var list))
                    {
                        uses[key] = list = [];
                    }

                    list.Add(new Use(repository.Id, dependency, locked, lockfile, IsBuilt(dependency, options)));
                }
            }
        }

        return uses
            .Select(u => Row(u.Value, options.Timings))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ThenBy(d => d.Version, Comparer<string>.Create(CompatibilityLine.Compare))
            .ToList();
    }

    /// <summary>The locked package <paramref name="dependency"/> of <paramref name="package"/> resolved to:
    /// the package's own lock entry's edge with that name (on the requirement's line when it has several),
    /// or — when the package is not in the lockfile — the newest locked version on that line; null when
    /// the lockfile holds none (an optional dependency no feature enables).</summary>
    public static LockedPackage? Resolve(Lockfile lockfile, CargoPackage package, CargoDependency dependency)
    {
        // Loops rather than queries: this runs for every dependency of every package, twice per scan.
        LockedPackage? self = null;
        foreach (var candidate in lockfile.FindAll(package.Name))
        {
            if (candidate.Source is null && candidate.Version == package.Version)
            {
                self = candidate;
                break;
            }
        }

        var candidates = new List<LockedPackage>();
        foreach (var candidate in self is null ? lockfile.FindAll(dependency.Name) : lockfile.DependenciesOf(self))
        {
            if (candidate.Name == dependency.Name && candidate.Source is not null)
            {
                candidates.Add(candidate);
            }
        }

        if ((candidates.Count > 1 || self is null) && dependency.Req != "*")
        {
            var line = CompatibilityLine.Of(dependency.Req);
            candidates.RemoveAll(p => CompatibilityLine.Of(p.Version) != line);
        }

        // The newest; the first of equals, as a stable sort would have it.
        LockedPackage? newest = null;
        foreach (var candidate in candidates)
        {
            if (newest is null || CompatibilityLine.Compare(candidate.Version, newest.Version) > 0)
            {
                newest = candidate;
            }
        }

        return newest;
    }

    /// <summary>True when <c>cargo build</c> for the target compiles this dependency: not a dev-dependency,
    /// and its platform (if any) holds for the target, or for the host when it is a build-dependency.</summary>
    public static bool IsBuilt(CargoDependency dependency, WarmupOptions options) =>
        dependency.Kind != DependencyKind.Development
        && (dependency.Kind == DependencyKind.Build ? options.Host : options.Target).Matches(dependency.Target);

    private sealed record Use(string Repository, CargoDependency Dependency, LockedPackage Locked, Lockfile Lockfile, bool Built);

    private static CrateDemand Row(List<Use> uses, CompileTimes timings)
    {
        var built = uses.Where(u => u.Built).ToList();
        var counted = built.Count > 0 ? built : uses;
        var chosen = counted
            .GroupBy(u => u.Locked.Version, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(u => u.Repository).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(g => g.Key, Comparer<string>.Create(CompatibilityLine.Compare))
            .First()
            .First();
        var repositories = built.Select(u => u.Repository).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new CrateDemand
        {
            Name = chosen.Locked.Name,
            Version = chosen.Locked.Version,
            Locked = chosen.Locked,
            Lockfile = chosen.Lockfile,
            Features = counted.SelectMany(x => x.Dependency.Features).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            DefaultFeatures = counted.Any(x => x.Dependency.UsesDefaultFeatures),
            BuildOnly = counted.All(x => x.Dependency.Kind == DependencyKind.Build),
            Repositories = repositories.Count,
            RepositoryIds = repositories,
            TransitiveSize = chosen.Lockfile.TransitiveClosure(chosen.Locked).Count,
            CompileSeconds = timings.ClosureSeconds(chosen.Locked, chosen.Lockfile),
            LeftOut = built.Count > 0 ? null : WhyNotBuilt(uses),
        };
    }

    private static string WhyNotBuilt(IReadOnlyList<Use> uses)
    {
        var platforms = uses
            .Where(u => u.Dependency.Kind != DependencyKind.Development && u.Dependency.Target is not null)
            .Select(u => u.Dependency.Target!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var dev = uses.Any(u => u.Dependency.Kind == DependencyKind.Development);
        return platforms.Count == 0 ? "dev-only"
            : $"{string.Join(" / ", platforms)} only{(dev ? ", or dev-only" : "")}";
    }

    private static bool IsRegistryDependency(CargoDependency dependency) =>
        dependency.Path is null
        && dependency.Git is null
        && (dependency.Source is null || dependency.Source.StartsWith("registry+", StringComparison.Ordinal) || dependency.Source.StartsWith("sparse+", StringComparison.Ordinal));
}
