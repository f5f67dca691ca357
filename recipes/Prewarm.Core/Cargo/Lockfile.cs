namespace Prewarm.Core.Cargo;

/// <summary>A parsed Cargo.lock (format v1 to v4) with its dependency graph.</summary>
public sealed class Lockfile
{
    private readonly Dictionary<string, List<LockedPackage>> _byName;
    private readonly Dictionary<LockedPackage, IReadOnlyList<LockedPackage>> _edges;

    public Lockfile(string path, int version, IReadOnlyList<LockedPackage> packages)
    {
        Path = path;
        Version = version;
        Packages = packages;
        _byName = packages.GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _edges = packages.ToDictionary(p => p, p => (IReadOnlyList<LockedPackage>)p.Dependencies.Select(d => Resolve(d, p)).ToList());
    }

    /// <summary>The lockfile relative to the repository root with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The format version: 1 (no version key, <c>[metadata]</c> checksums), 2, 3 or 4.</summary>
    public int Version { get; }

    /// <summary>Packages in file order.</summary>
    public IReadOnlyList<LockedPackage> Packages { get; }

    /// <summary>Every locked package with this name (several when versions differ).</summary>
    public IReadOnlyList<LockedPackage> FindAll(string name) =>
        _byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>The packages <paramref name="package"/> depends on directly.</summary>
    public IReadOnlyList<LockedPackage> DependenciesOf(LockedPackage package) => _edges[package];

    /// <summary>Everything <paramref name="package"/> needs, directly or not, itself excluded.</summary>
    public IReadOnlySet<LockedPackage> TransitiveClosure(LockedPackage package)
    {
        var seen = new HashSet<LockedPackage>();
        var pending = new Stack<LockedPackage>(_edges[package]);
        while (pending.TryPop(out var next))
        {
            if (next != package && seen.Add(next))
            {
                foreach (var dependency in _edges[next])
                {
                    pending.Push(dependency);
                }
            }
        }

        return seen;
    }

    /// <summary>Resolves a dependency reference (<c>name</c>, <c>name version</c>, <c>name version (source)</c>)
    /// the way cargo does: the short forms are only written when they are unambiguous.</summary>
    public LockedPackage Resolve(string reference, LockedPackage? from = null)
    {
        var (name, version, source) = ParseReference(reference);
        // The usual case, without building the candidate list: one package answers the reference.
        LockedPackage? only = null;
        var count = 0;
        foreach (var package in FindAll(name))
        {
            if (Matches(package, version, source))
            {
                (only, count) = (package, count + 1);
            }
        }

        if (count == 1)
        {
            return only!;
        }

        var candidates = new List<LockedPackage>(count);
        foreach (var candidate in FindAll(name))
        {
            if (Matches(candidate, version, source))
            {
                candidates.Add(candidate);
            }
        }

        // cargo never writes a path package's source, so a reference without one that matches a
        // single version means the path package even when a registry copy has that version too.
        if (source is null && candidates.Count > 1 && candidates.Select(c => c.Version).Distinct().Count() == 1
            && candidates.Where(c => c.Source is null).ToList() is [var path])
        {
            return path;
        }

        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new LockfileException(Path, $"'{reference}'{(from is null ? "" : $" (needed by {from.Id})")} is not a package in the lockfile"),
            _ => throw new LockfileException(Path, $"'{reference}'{(from is null ? "" : $" (needed by {from.Id})")} is ambiguous: {string.Join(", ", candidates.Select(c => c.Id))}"),
        };
    }

    private static bool Matches(LockedPackage package, string? version, string? source) =>
        (version is null || package.Version == version) && (source is null || SameSource(package.Source, source));

    /// <summary>cargo writes a reference's source without the locked commit (<c>#&lt;sha&gt;</c>) that
    /// a git package's own <c>source</c> ends with.</summary>
    private static bool SameSource(string? packageSource, string referenceSource) =>
        packageSource == referenceSource
        || (packageSource is not null && packageSource.StartsWith("git+", StringComparison.Ordinal)
            && !referenceSource.Contains('#', StringComparison.Ordinal)
            && packageSource.Split('#')[0] == referenceSource);

    private static (string Name, string? Version, string? Source) ParseReference(string reference)
    {
        // Most references (v2 and later) are a bare name: no need to split it.
        if (reference.Length > 0 && !reference.Contains(' ', StringComparison.Ordinal))
        {
            return (reference, null, null);
        }

        var parts = reference.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var source = parts.Length == 3 ? parts[2].Trim('(', ')') : null;
        return (parts[0], parts.Length > 1 ? parts[1] : null, source);
    }
}
