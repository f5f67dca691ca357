using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>A package's feature map as cargo builds it: <c>[features]</c> plus an implicit feature per
/// optional dependency that no feature names with <c>dep:</c>, every entry checked the way cargo
/// checks it (a feature, <c>x</c> or <c>dep:x</c> for an optional dependency, <c>x/f</c>, <c>x?/f</c>).</summary>
internal static class FeatureTable
{
    public static SortedDictionary<string, IReadOnlyList<string>> Read(TomlValues values, TomlTable document, IReadOnlyList<CargoDependency> dependencies)
    {
        var table = values.Table(document, "features") ?? new TomlTable();
        var declared = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in table.Keys)
        {
            if (FeatureName.Problem(key) is { } nameProblem)
            {
                throw values.At(table, key, $"invalid feature name `{key}`: {nameProblem}");
            }

            declared[key] = values.Strings(table, key)!;
        }

        // A dependency key (the rename when there is one) counts as optional when any of its declarations is.
        var optionalByKey = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var dependency in dependencies)
        {
            optionalByKey[dependency.KeyName] = optionalByKey.GetValueOrDefault(dependency.KeyName) | dependency.Optional;
        }

        // Loops rather than queries, and the declared map itself unless an implicit feature is added:
        // this runs for every package of the scan.
        var explicitDeps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entries in declared.Values)
        {
            foreach (var entry in entries)
            {
                if (entry.StartsWith("dep:", StringComparison.Ordinal) && !entry.Contains('/'))
                {
                    explicitDeps.Add(entry[4..]);
                }
            }
        }

        var features = declared;
        // Optional dependencies enabled by an implicit feature, and later by the entries that name them.
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, optional) in optionalByKey)
        {
            if (optional && !explicitDeps.Contains(key) && !declared.ContainsKey(key))
            {
                if (ReferenceEquals(features, declared))
                {
                    features = new SortedDictionary<string, IReadOnlyList<string>>(declared, StringComparer.Ordinal);
                }

                features[key] = [$"dep:{key}"];
                used.Add(key);
            }
        }

        // cargo: every optional dependency must be enabled by some feature (`x`, `dep:x` or `x/f`).
        foreach (var (feature, entries) in declared)
        {
            foreach (var entry in entries)
            {
                if (Problem(entry, declared, features, optionalByKey, used) is { } problem)
                {
                    throw values.At(table, feature, $"feature `{feature}` includes `{entry}`{problem}");
                }
            }
        }

        string? unused = null;
        foreach (var (key, optional) in optionalByKey)
        {
            if (optional && !used.Contains(key) && (unused is null || string.CompareOrdinal(key, unused) < 0))
            {
                unused = key;
            }
        }

        if (unused is not null)
        {
            throw values.At(document, "features", $"optional dependency `{unused}` is not included in any feature; add `dep:{unused}` to one of the features in [features]");
        }

        return features;
    }

    /// <summary>Null when cargo accepts <paramref name="entry"/>, otherwise the rest of cargo's message (", but …"); records the optional dependencies it enables in <paramref name="used"/>.</summary>
    private static string? Problem(
        string entry,
        SortedDictionary<string, IReadOnlyList<string>> declared,
        SortedDictionary<string, IReadOnlyList<string>> features,
        Dictionary<string, bool> optionalByKey,
        HashSet<string> used)
    {
        var slash = entry.IndexOf('/');
        if (slash >= 0)
        {
            var dependency = entry[..slash];
            var weak = dependency.EndsWith('?');
            dependency = weak ? dependency[..^1] : dependency;
            if (entry[(slash + 1)..].Contains('/'))
            {
                return ", but a feature entry may contain only one `/`";
            }

            if (dependency.StartsWith("dep:", StringComparison.Ordinal))
            {
                return " with both `dep:` and `/`; remove the `dep:` prefix";
            }

            if (!optionalByKey.TryGetValue(dependency, out var isOptional))
            {
                return $", but `{dependency}` is not a dependency";
            }

            if (weak && !isOptional)
            {
                return $" with a `?`, but `{dependency}` is not an optional dependency";
            }

            if (!weak)
            {
                used.Add(dependency);
            }

            return null;
        }

        if (entry.StartsWith("dep:", StringComparison.Ordinal))
        {
            var dependency = entry[4..];
            if (!optionalByKey.TryGetValue(dependency, out var isOptional))
            {
                return $", but `{dependency}` is not listed as a dependency";
            }

            used.Add(dependency);
            return isOptional ? null : $", but `{dependency}` is not an optional dependency";
        }

        if (declared.ContainsKey(entry))
        {
            return null;
        }

        if (!optionalByKey.TryGetValue(entry, out var entryIsOptional))
        {
            return $", but `{entry}` is neither a dependency nor another feature";
        }

        if (!entryIsOptional)
        {
            return $", but `{entry}` is not an optional dependency";
        }

        // Naming `dep:x` anywhere removes the implicit feature `x`.
        return features.ContainsKey(entry) ? null : $", but `{entry}` is an optional dependency without an implicit feature (a feature names it with `dep:{entry}`); use `dep:{entry}`";
    }
}
