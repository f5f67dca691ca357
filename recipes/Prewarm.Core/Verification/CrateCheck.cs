namespace Prewarm.Core.Verification;

/// <summary>An expected crate against what <c>cargo tree</c> showed: <see cref="FoundVersions"/> is every version present.</summary>
public sealed record CrateCheck(string Name, string? ExpectedVersion, IReadOnlyList<string> FoundVersions, CrateStatus Status)
{
    /// <summary>Compares expected crates with the tree's entries (every depth); output sorted by name.</summary>
    public static IReadOnlyList<CrateCheck> Compare(IEnumerable<ExpectedCrate> expected, IEnumerable<CargoTreeEntry> tree)
    {
        var found = tree
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Version).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return expected
            .DistinctBy(e => (e.Name, e.Version))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Version, StringComparer.Ordinal)
            .Select(e =>
            {
                var versions = found.GetValueOrDefault(e.Name) ?? [];
                var status = versions.Count == 0 ? CrateStatus.Missing
                    : e.Version is null || versions.Contains(e.Version) ? CrateStatus.Present
                    : CrateStatus.OtherVersion;
                return new CrateCheck(e.Name, e.Version, versions, status);
            })
            .ToArray();
    }
}
