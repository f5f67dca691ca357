using Cake.Core.IO;

namespace Prewarm.Cake.Support;

/// <summary>The artifacts contract's &lt;repo-id&gt;: the directory name lower-cased, made unique with -2, -3 … in --repo order.</summary>
internal static class RepositoryIds
{
    public static IReadOnlyList<(DirectoryPath Path, string Id)> Assign(IEnumerable<DirectoryPath> repositories)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(DirectoryPath, string)>();
        foreach (var repository in repositories)
        {
            var name = repository.GetDirectoryName().ToLowerInvariant();
            var id = name;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{name}-{n}";
            }

            result.Add((repository, id));
        }

        return result;
    }
}
