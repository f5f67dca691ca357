namespace Prewarm.Core.Scanning;

/// <summary>A scan failure of one of several repositories: the inner failure's repository-relative
/// file is made absolute so the line says which repository it is in.</summary>
public sealed class RepositoryScanException(string repositoryRoot, PrewarmException inner)
    : PrewarmException($"{Path.TrimEndingDirectorySeparator(repositoryRoot)}/{inner.Message}", inner)
{
    public string RepositoryRoot { get; } = repositoryRoot;
}
