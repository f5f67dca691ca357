namespace Prewarm.Core.Docker;

/// <summary>How BuildKit finished a step.</summary>
public enum BuildStepStatus
{
    /// <summary>No final line seen (the build stopped, or the output was cut).</summary>
    Unfinished,

    /// <summary>Taken from the cache: the step did not run.</summary>
    Cached,

    /// <summary>Ran.</summary>
    Done,

    Error,

    Canceled,
}
