namespace Prewarm.Core.Cargo;

/// <summary>The files are readable but do not form a workspace cargo would accept: a member glob
/// that matches nothing, a path dependency that is not there or leaves the repository, a
/// dependency cycle, a symlink loop.</summary>
public sealed class WorkspaceLayoutException : PrewarmException
{
    public WorkspaceLayoutException(string file, string problem)
        : base($"{file}: {problem}")
    {
    }

    /// <summary>An error at a position of <paramref name="file"/>; <paramref name="at"/> null leaves the position out.</summary>
    public WorkspaceLayoutException(string file, TomlPosition? at, string problem)
        : base(at is { } p ? $"{file}:{p.Line}:{p.Column}: {problem}" : $"{file}: {problem}")
    {
    }
}
