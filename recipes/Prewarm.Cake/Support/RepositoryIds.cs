namespace Prewarm.Cake.Support;

/// <summary>The artifacts contract's &lt;repo-id&gt; for Cake paths; the rule itself is
/// <see cref="Core.Cargo.RepositoryIds"/>, shared with the scanner so ids always agree.</summary>
internal static class RepositoryIds
{
    public static IReadOnlyList<(DirectoryPath Path, string Id)> Assign(IEnumerable<DirectoryPath> repositories)
    {
        var list = repositories.ToList();
        return list.Zip(Core.Cargo.RepositoryIds.Assign(list.Select(r => r.FullPath))).ToList();
    }

    public static IReadOnlyList<string> Assign(IEnumerable<string> repositories) => Core.Cargo.RepositoryIds.Assign(repositories);
}
