namespace Prewarm.Core;

/// <summary>
/// A failure the user can act on. <see cref="Exception.Message"/> is the whole story in one line,
/// naming the file (with line:column where it applies) or the command that failed; the build host
/// prints it as-is and exits non-zero.
/// </summary>
public class PrewarmException : Exception
{
    public PrewarmException(string message)
        : base(message)
    {
    }

    public PrewarmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
