namespace Prewarm.Core.Settings;

/// <summary>The <c>sccache</c> option. Its one default is <see cref="Auto"/>: a local build (Verify,
/// Benchmark) compiles through sccache when it is installed; a Dockerfile, which cannot know what the
/// base image holds, only when asked (<see cref="On"/>).</summary>
public enum SccacheMode
{
    Auto,
    On,
    Off,
}
