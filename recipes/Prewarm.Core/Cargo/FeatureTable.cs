using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>A package's <c>[features]</c> as cargo builds its feature map: the declared features plus an
/// implicit feature per optional dependency that no feature names with <c>dep:</c>, every entry
/// checked the way cargo checks it (a feature, a dependency, <c>dep:x</c>, <c>x/feat</c>, <c>x?/feat</c>).</summary>
internal static class FeatureTable
{
    public static SortedDictionary<string, IReadOnlyList<string>> Read(TomlValues values, TomlTable document, IReadOnlyList<CargoDependency> dependencies)
    {
        var table = values.Table(document, "features") ?? new TomlTable();
        var declared = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in table.Keys)
        {
            if (CargoNames.FeatureNameProblem(key) is { } problem)
            {
                throw values.Error(table, key, problem, atKey: true);
            }

            declared[key] = values.Strings(table, key)!;
        }

        // Dependency key (the rename when there is one) -> whether any declaration of it is optional.
        var optionalByKey = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var dependency in dependencies)
        {
            optionalByKey[dependency.KeyName] = optionalByKey.GetValueOrDefault(dependency.KeyName) | dependency.Optional;
        }

        var explicitDeps = declared.Values.SelectMany(v => v)
            .Where(f => f.StartsWith("dep:", StringComparison.Ordinal) && !f.Contains('/'))
            .Select(f => f[4..])
            .ToHashSet(StringComparer.Ordinal);
        var features = new SortedDictionary<string, IReadOnlyList<string>>(declared, StringComparer.Ordinal);
        foreach (var optional in dependencies.Where(d => d.Optional).Select(d => d.KeyName).Distinct())
        {
            if (!explicitDeps.Contains(optional) && !declared.ContainsKey(optional))
            {
                features[optional] = [$"dep:{optional}"];
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (feature, entries) in declared)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (Check(feature, entries[i], declared, features, optionalByKey, explicitDeps, used) is { } problem)
                {
                    throw values.ElementError(table, feature, i, problem);
                }
            }
        }

        foreach (var optional in features.Keys.Where(k => !declared.ContainsKey(k)))
        {
            used.Add(optional);
        }

        if (optionalByKey.Where(kv => kv.Value && !used.Contains(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal).FirstOrDefault() is { } unused)
        {
            throw values.Error(document, "features", $"optional dependency `{unused}` is not included in any feature; add `dep:{unused}` to one of the features in [features]", atKey: true);
        }

        return features;
    }

    /// <summary>Null when cargo accepts <paramref name="entry"/> in <paramref name="feature"/>, else cargo's reason.</summary>
    private static string? Check(
        string feature,
        string entry,
        SortedDictionary<string, IReadOnlyList<string>> declared,
        SortedDictionary<string, IReadOnlyList<string>> features,
        Dictionary<string, bool> optionalByKey,
        HashSet<string> explicitDeps,
        HashSet<string> used)
    {
        var slash = entry.IndexOf('/');
        if (slash >= 0)
        {
            var dependency = entry[..slash];
            var dependencyFeature = entry[(slash + 1)..];
            var weak = dependency.EndsWith('?');
            if (weak)
            {
                dependency = dependency[..^1];
            }

            if (dependencyFeature.Contains('/'))
            {
                return $"multiple slashes in feature `{entry}` (included by feature `{feature}`) are not allowed";
            }

            if (dependency.StartsWith("dep:", StringComparison.Ordinal))
            {
                return $"feature `{feature}` includes `{entry}` with both `dep:` and `/`; remove the `dep:` prefix";
            }

            if (!optionalByKey.TryGetValue(dependency, out var isOptional))
            {
                return $"feature `{feature}` includes `{entry}`, but `{dependency}` is not a dependency";
            }

            if (weak && !isOptional)
            {
                return $"feature `{feature}` includes `{entry}` with a `?`, but `{dependency}` is not an optional dependency";
            }

            used.Add(dependency);
            return null;
        }

        if (entry.StartsWith("dep:", StringComparison.Ordinal))
        {
            var dependency = entry[4..];
            if (!optionalByKey.TryGetValue(dependency, out var isOptional))
            {
                return $"feature `{feature}` includes `{entry}`, but `{dependency}` is not listed as a dependency";
            }

            if (!isOptional)
            {
                return $"feature `{feature}` includes `{entry}`, but `{dependency}` is not an optional dependency; add `optional = true` to its declaration";
            }

            used.Add(dependency);
            return null;
        }

        if (declared.ContainsKey(entry))
        {
            return null;
        }

        if (!optionalByKey.TryGetValue(entry, out var entryIsOptional))
        {
            return $"feature `{feature}` includes `{entry}` which is neither a dependency nor another feature";
        }

        if (!entryIsOptional)
        {
            return $"feature `{feature}` includes `{entry}`, but `{entry}` is not an optional dependency; add `optional = true` to its declaration";
        }

        if (!features.ContainsKey(entry))
        {
            return $"feature `{feature}` includes `{entry}`, but `{entry}` is an optional dependency without an implicit feature (it is named with `dep:{entry}` elsewhere); use `dep:{entry}` to enable it";
        }

        return null;
    }
}
