namespace Prewarm.Core.Cargo;

/// <summary>A Cargo.lock that cannot be read or whose graph does not hold together.</summary>
public sealed class LockfileException : PrewarmException
{
    public LockfileException(string path, string problem)
        : base($"{path}: {problem}")
    {
    }

    /// <summary>An error at a position of the lockfile; <paramref name="at"/> null leaves the position out.</summary>
    public LockfileException(string path, TomlPosition? at, string problem)
        : base(at is { } p ? $"{path}:{p.Line}:{p.Column}: {problem}" : $"{path}: {problem}")
    {
    }
}
