namespace Prewarm.Core.Docker;

/// <summary>What a registry said when asked for a <c>--cache-from</c> image.</summary>
public enum CacheSourceStatus
{
    /// <summary>The image is there: the build can import its cache.</summary>
    Found,

    /// <summary>The registry answered and has no such image: expected on a first run, before
    /// anything was pushed; the build is then cold.</summary>
    NotFound,

    /// <summary>The registry does not answer (refused, unknown host, timeout) or refuses access: a
    /// mistake in the reference or the set-up, never a first run.</summary>
    Unreachable,
}
