namespace Prewarm.Core.Verification;

/// <summary>
/// How much of a repository's dependency build a builder image supplied: the dependency units its
/// skeleton step found fresh (compiled in the builder) against those it compiled, and for each
/// compiled crate the reason, found by comparing with the units the builder compiled: not there,
/// another version, other features — or the same version and features, so compiler flags, the
/// profile or the crate's own dependencies differ.
/// </summary>
public sealed record BuilderSupply(int FromBuilderImage, int CompiledInSkeleton, IReadOnlyList<MissedUnit> Missed)
{
    public double? SharePercent =>
        FromBuilderImage + CompiledInSkeleton == 0 ? null : 100.0 * FromBuilderImage / (FromBuilderImage + CompiledInSkeleton);

    public static BuilderSupply From(IReadOnlyList<CompilerArtifact> skeleton, IReadOnlyList<CompilerArtifact> builder)
    {
        var dependencies = skeleton.Where(a => a.Package.IsExternal).ToList();
        var built = builder.Where(a => a.Package.IsExternal).ToLookup(a => a.Package.Name, StringComparer.Ordinal);
        var missed = dependencies.Where(a => !a.Fresh)
            .Select(a => new MissedUnit(a.Package.Name, a.Package.Version, Reason(a, built[a.Package.Name].ToList())))
            .Distinct()
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
        return new BuilderSupply(dependencies.Count(a => a.Fresh), dependencies.Count(a => !a.Fresh), missed);
    }

    private static string Reason(CompilerArtifact unit, IReadOnlyList<CompilerArtifact> builder)
    {
        if (builder.Count == 0)
        {
            return "not in the builder image";
        }

        var sameVersion = builder.Where(b => b.Package.Version == unit.Package.Version).ToList();
        if (sameVersion.Count == 0)
        {
            return $"builder has {string.Join(", ", builder.Select(b => b.Package.Version).Distinct().Order(StringComparer.Ordinal))}; this repository {unit.Package.Version}";
        }

        var wanted = Spell(unit.Features);
        var had = sameVersion.Select(b => Spell(b.Features)).Distinct().Order(StringComparer.Ordinal).ToList();
        return had.Contains(wanted, StringComparer.Ordinal)
            ? "builder has this version and features: compiler flags, profile or the crate's own dependencies differ"
            : $"builder has {string.Join(" | ", had)}; this repository {wanted}";
    }

    private static string Spell(IReadOnlyList<string> features) => features.Count == 0 ? "no features" : string.Join(",", features);
}
