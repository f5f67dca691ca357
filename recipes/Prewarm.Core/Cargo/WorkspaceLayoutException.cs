namespace Prewarm.Core.Cargo;

/// <summary>The files are readable but do not form a workspace cargo would accept: a member glob
/// that matches nothing, a path dependency that is not there, a symlink loop.</summary>
public sealed class WorkspaceLayoutException(string file, string problem)
    : PrewarmException($"{file}: {problem}");
