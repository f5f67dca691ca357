namespace Cake.Frosting;

/// <summary>A mistake in how the build is put together (bad dependency, unknown directory).</summary>
public sealed class FrostingException(string message) : Exception(message);
