using Prewarm.Core.Cargo;

namespace Prewarm.Core.Warmup;

/// <summary>Aggregates the scanned repositories' direct registry dependencies (normal and build;
/// dev-dependencies are not in a release image) into <see cref="CrateDemand"/>, resolved to the
/// versions the lockfiles locked.</summary>
public static class WarmupDemand
{
    public static IReadOnlyList<CrateDemand> From(IEnumerable<CargoRepository> repositories)
    {
        var uses = new Dictionary<(string Name, string Version), List<(string Repository, CargoDependency Dependency, LockedPackage Locked, Lockfile Lockfile)>>();
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
                    var line = CompatibilityLine.Of(dependency.Req);
                    var locked = lockfile.FindAll(dependency.Name)
                        .Where(p => p.Source is not null && (dependency.Req == "*" || CompatibilityLine.Of(p.Version) == line))
                        .OrderByDescending(p => p.Version, Comparer<string>.Create(CompatibilityLine.Compare))
                        .FirstOrDefault();
                    if (locked is null)
                    {
                        continue; // An optional dependency no feature turned on is not in the lockfile.
                    }

                    var key = (locked.Name, locked.Version);
                    if (!uses.TryGetValue(key, out var list))
                    {
                        uses[key] = list = [];
                    }

                    list.Add((repository.Id, dependency, locked, lockfile));
                }
            }
        }

        return uses
            .Select(u => new CrateDemand
            {
                Name = u.Key.Name,
                Version = u.Key.Version,
                Locked = u.Value[0].Locked,
                Lockfile = u.Value[0].Lockfile,
                Features = u.Value.SelectMany(x => x.Dependency.Features).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                DefaultFeatures = u.Value.Any(x => x.Dependency.UsesDefaultFeatures),
                BuildOnly = u.Value.All(x => x.Dependency.Kind == DependencyKind.Build),
                Repositories = u.Value.Select(x => x.Repository).Distinct(StringComparer.Ordinal).Count(),
                TransitiveSize = u.Value[0].Lockfile.TransitiveClosure(u.Value[0].Locked).Count,
            })
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ThenBy(d => d.Version, Comparer<string>.Create(CompatibilityLine.Compare))
            .ToList();
    }

    private static bool IsRegistryDependency(CargoDependency dependency) =>
        dependency.Kind != DependencyKind.Development
        && dependency.Path is null
        && dependency.Git is null
        && (dependency.Source is null || dependency.Source.StartsWith("registry+", StringComparison.Ordinal) || dependency.Source.StartsWith("sparse+", StringComparison.Ordinal));
}
