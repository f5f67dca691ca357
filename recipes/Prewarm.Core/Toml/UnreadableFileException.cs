namespace Prewarm.Core.Toml;

/// <summary>A file the scan needs that cannot be read (permissions, I/O) or is not UTF-8 text.</summary>
public sealed class UnreadableFileException : PrewarmException
{
    public UnreadableFileException(string file, string problem)
        : base($"{file}: {problem}")
    {
    }

    public UnreadableFileException(string file, string problem, Exception inner)
        : base($"{file}: {problem}", inner)
    {
    }
}
