namespace Cake.Frosting;

/// <summary>A mistake in how the build is put together (bad dependency, unknown directory).</summary>
public sealed class FrostingException : Exception
{
    public FrostingException(string message)
        : base(message)
    {
    }

    public FrostingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
