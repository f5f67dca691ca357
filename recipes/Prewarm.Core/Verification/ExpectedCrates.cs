using Prewarm.Core.Cargo;

namespace Prewarm.Core.Verification;

/// <summary>Which crates Verify expects in a repository's dependency tree, at which version, and where that list came from.</summary>
public sealed record ExpectedCrates(IReadOnlyList<ExpectedCrate> Crates, string From)
{
    /// <summary>
    /// The warmup tiers' selected crates this repository's Cargo.lock contains (tiers are shared by
    /// every repository; a selected crate may be transitive, so the whole tree is searched); before
    /// Recipe has run (no selection), the workspace's direct registry/git dependencies from
    /// <paramref name="metadata"/> (<c>cargo metadata --no-deps</c>, asked only then).
    /// </summary>
    /// <param name="selected">Tier → crate names (<see cref="WarmupSelection"/>).</param>
    /// <param name="locked">Registry/git packages of the repository's Cargo.lock: name → versions.</param>
    /// <param name="metadata">Produces cargo metadata's JSON.</param>
    public static ExpectedCrates For(IReadOnlyDictionary<string, IReadOnlyList<string>> selected, ILookup<string, string> locked, Func<string> metadata)
    {
        if (selected.Count > 0)
        {
            var crates = selected.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal)
                .Where(locked.Contains)
                .Select(name => new ExpectedCrate(name, Single(locked[name])))
                .ToArray();
            return new ExpectedCrates(crates, $"warmup/{{{string.Join(",", selected.Keys)}}}/Cargo.toml (crates this repository's Cargo.lock contains)");
        }

        var direct = CargoMetadataReader.DirectExternalDependencies(metadata(), "cargo metadata --no-deps")
            .Select(name => new ExpectedCrate(name, locked.Contains(name) ? Single(locked[name]) : null))
            .ToArray();
        return new ExpectedCrates(direct, "the workspace's direct registry/git dependencies (cargo metadata), versions from Cargo.lock");
    }

    /// <summary>The registry and git packages of <c>REPOSITORY/Cargo.lock</c> (none without one): name → versions.</summary>
    public static ILookup<string, string> LockedVersions(string repository)
    {
        var lockPath = Path.Combine(repository, "Cargo.lock");
        var packages = File.Exists(lockPath) ? LockfileParser.Parse(File.ReadAllText(lockPath), lockPath).Packages : [];
        return packages.Where(p => p.Source is not null).ToLookup(p => p.Name, p => p.Version, StringComparer.Ordinal);
    }

    // Two locked versions of one crate: either may be the one a member uses directly, so accept any.
    private static string? Single(IEnumerable<string> versions)
    {
        var distinct = versions.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 1 ? distinct[0] : null;
    }
}
