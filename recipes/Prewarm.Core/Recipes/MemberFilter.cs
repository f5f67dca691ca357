using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>The local packages a <c>--package</c>/<c>--bin</c> selection needs: the selected ones
/// and every local package they reach through path dependencies of any kind.</summary>
public static class MemberFilter
{
    /// <returns>The kept packages, sorted by manifest path; all packages when nothing is selected.</returns>
    public static IReadOnlyList<CargoPackage> Select(CargoRepository repository, RecipeOptions options)
    {
        if (!options.IsFiltered)
        {
            return repository.Packages;
        }

        var selected = new List<CargoPackage>();
        foreach (var name in options.Packages)
        {
            selected.Add(repository.Packages.FirstOrDefault(p => p.Name == name)
                ?? throw new PrewarmException($"{repository.Id}: --package {name}: no package of that name (packages: {string.Join(", ", repository.Packages.Select(p => p.Name))})"));
        }

        selected.AddRange(BinOwners(repository, options.Bins));
        return Closure(repository, selected);
    }

    /// <summary>The package owning each of <paramref name="bins"/>, in order; an unknown binary is an error.</summary>
    public static IReadOnlyList<CargoPackage> BinOwners(CargoRepository repository, IReadOnlyList<string> bins) =>
        bins.Select(bin => repository.Packages.FirstOrDefault(p => p.Targets.Any(t => t.Name == bin && t.Kinds.Contains("bin")))
                ?? throw new PrewarmException($"{repository.Id}: --bin {bin}: no package has a binary of that name"))
            .ToList();

    /// <summary><paramref name="roots"/> and every local package they reach through path dependencies of any kind, sorted by manifest path.</summary>
    public static IReadOnlyList<CargoPackage> Closure(CargoRepository repository, IEnumerable<CargoPackage> roots)
    {
        var byDirectory = repository.Packages.ToDictionary(p => p.Directory, StringComparer.Ordinal);
        var kept = new HashSet<CargoPackage>();
        var pending = new Stack<CargoPackage>(roots);
        while (pending.TryPop(out var package))
        {
            if (!kept.Add(package))
            {
                continue;
            }

            foreach (var dependency in package.Dependencies.Where(d => d.Path is not null))
            {
                if (byDirectory.TryGetValue(ManifestPaths.Normalize(dependency.Path!), out var local))
                {
                    pending.Push(local);
                }
            }
        }

        return kept.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).ToList();
    }
}
