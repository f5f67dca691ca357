using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>Which crates the scanned repositories depend on and how often: the basis for choosing
/// what to pre-warm. Ordered by number of dependent packages (most first), then name (ordinal).</summary>
public sealed record DependencyFrequencyReport
{
    public required IReadOnlyList<string> Repositories { get; init; }
    public required int PackageCount { get; init; }
    public required IReadOnlyList<CrateUsage> Crates { get; init; }

    public static DependencyFrequencyReport Build(IReadOnlyList<CargoRepository> repositories)
    {
        var uses = new List<(CargoRepository Repository, CargoPackage Package, CargoDependency Dependency, IReadOnlyList<LockedPackage> Locked, Lockfile? Lockfile)>();
        foreach (var repository in repositories)
        {
            foreach (var package in repository.Packages)
            {
                var lockfile = repository.LockfileFor(package);
                foreach (var dependency in package.Dependencies.Where(d => d.Source is not null))
                {
                    uses.Add((repository, package, dependency, Locked(lockfile, package, dependency), lockfile));
                }
            }
        }

        var crates = uses
            .GroupBy(u => u.Dependency.Name, StringComparer.Ordinal)
            .Select(g => new CrateUsage
            {
                Name = g.Key,
                Repositories = Sorted(g.Select(u => u.Repository.Id)),
                Packages = Sorted(g.Select(u => $"{u.Repository.Id}/{u.Package.Name}")),
                Kinds = Sorted(g.Select(u => u.Dependency.Kind.ToDisplayName())),
                Features = Sorted(g.SelectMany(u => u.Dependency.Features)),
                DefaultFeatures = g.Any(u => u.Dependency.UsesDefaultFeatures),
                Requirements = Sorted(g.Select(u => u.Dependency.Req)),
                LockedVersions = Sorted(g.SelectMany(u => u.Locked.Select(l => l.Version))),
                Sources = Sorted(g.Select(u => u.Dependency.Source!)),
                TransitiveSize = g.SelectMany(u => u.Locked.Select(l => (int?)u.Lockfile!.TransitiveClosure(l).Count + 1)).Max(),
            })
            .OrderByDescending(c => c.PackageCount)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        return new DependencyFrequencyReport
        {
            Repositories = repositories.Select(r => r.Id).ToList(),
            PackageCount = repositories.Sum(r => r.Packages.Count),
            Crates = crates,
        };
    }

    /// <summary>The locked packages a dependency resolved to: the dependent's own lock entry's edges
    /// with that name (exact), or — when the dependent is not in the lockfile — every locked version.</summary>
    private static IReadOnlyList<LockedPackage> Locked(Lockfile? lockfile, CargoPackage package, CargoDependency dependency)
    {
        if (lockfile is null)
        {
            return [];
        }

        var self = lockfile.FindAll(package.Name).FirstOrDefault(p => p.Source is null && p.Version == package.Version);
        var candidates = self is null
            ? lockfile.FindAll(dependency.Name)
            : lockfile.DependenciesOf(self).Where(p => p.Name == dependency.Name).ToList();
        return candidates.Where(p => p.Source is not null).ToList();
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
