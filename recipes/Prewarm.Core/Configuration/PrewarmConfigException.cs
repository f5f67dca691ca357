namespace Prewarm.Core.Configuration;

/// <summary>prewarm.toml is unreadable, malformed, or names a key Prewarm does not know.</summary>
public sealed class PrewarmConfigException(string message) : PrewarmException(message);
