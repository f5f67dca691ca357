namespace Prewarm.Core.Cargo;

/// <summary>The artifacts contract's <c>&lt;repo-id&gt;</c>: the directory name lower-cased, made unique
/// with -2, -3 … in --repo order.</summary>
public static class RepositoryIds
{
    public static IReadOnlyList<string> Assign(IEnumerable<string> repositoryRoots)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var root in repositoryRoots)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))).ToLowerInvariant();
            if (name.Length == 0)
            {
                name = "root";
            }

            var id = name;
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{name}-{n}";
            }

            ids.Add(id);
        }

        return ids;
    }
}
