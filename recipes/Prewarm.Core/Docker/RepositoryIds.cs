namespace Prewarm.Core.Docker;

/// <summary>
/// The artifacts contract's <c>&lt;repo-id&gt;</c>: a repository directory's name, lower-cased,
/// made unique with <c>-2</c>, <c>-3</c> … in <c>--repo</c> order.
/// </summary>
public static class RepositoryIds
{
    public static IReadOnlyList<string> Assign(IEnumerable<string> repositoryDirectories)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var directory in repositoryDirectories)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))).ToLowerInvariant();
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
