namespace Prewarm.Cake;

/// <summary>Thrown by a stage whose implementation is not in this build, so it never silently does nothing.</summary>
public sealed class PrewarmUnavailableException(string task)
    : Exception($"Task '{task}' is not available in this version of Prewarm.");
