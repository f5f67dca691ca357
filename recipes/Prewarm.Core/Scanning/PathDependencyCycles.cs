using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>Cargo refuses a cycle of normal or build dependencies among path packages; a cycle that
/// goes through a dev-dependency is allowed (tests of a may use b which uses a).</summary>
internal static class PathDependencyCycles
{
    /// <summary>Throws <see cref="WorkspaceLayoutException"/> at the dependency entry that closes a cycle;
    /// <paramref name="locate"/> gives that entry's <c>file:line:column</c>.</summary>
    public static void Refuse(IReadOnlyList<CargoPackage> packages, Func<CargoPackage, CargoDependency, string> locate)
    {
        var byDirectory = packages.GroupBy(p => p.Directory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = packages.ToDictionary(
            p => p.ManifestPath,
            p => p.Dependencies
                .Where(d => d.Kind != DependencyKind.Development && d.Path is not null && byDirectory.ContainsKey(d.Path))
                .Select(d => (Package: byDirectory[d.Path!], Via: d))
                .DistinctBy(d => d.Package.ManifestPath)
                .OrderBy(d => d.Package.ManifestPath, StringComparer.Ordinal)
                .ToList(),
            StringComparer.Ordinal);

        // Iterative depth-first search (deep path graphs must not overflow the stack); 1 = on the stack, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in packages.OrderBy(p => p.ManifestPath, StringComparer.Ordinal))
        {
            if (state.ContainsKey(start.ManifestPath))
            {
                continue;
            }

            var stack = new List<(CargoPackage Package, int Next)> { (start, 0) };
            state[start.ManifestPath] = 1;
            while (stack.Count > 0)
            {
                var (package, next) = stack[^1];
                var children = edges[package.ManifestPath];
                if (next == children.Count)
                {
                    state[package.ManifestPath] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack[^1] = (package, next + 1);
                var (child, via) = children[next];
                switch (state.GetValueOrDefault(child.ManifestPath))
                {
                    case 0:
                        state[child.ManifestPath] = 1;
                        stack.Add((child, 0));
                        break;
                    case 1:
                        var cycle = stack.SkipWhile(s => s.Package.ManifestPath != child.ManifestPath).Select(s => s.Package.Name).Append(child.Name);
                        throw new WorkspaceLayoutException(
                            locate(package, via),
                            $"cyclic package dependency: {string.Join(" -> ", cycle.Select(n => $"`{n}`"))} (cargo allows a cycle only through dev-dependencies)");
                }
            }
        }
    }
}
