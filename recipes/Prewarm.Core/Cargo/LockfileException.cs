namespace Prewarm.Core.Cargo;

/// <summary>A Cargo.lock that cannot be read or whose graph does not hold together.</summary>
public sealed class LockfileException(string path, string problem)
    : PrewarmException($"{path}: {problem}");
