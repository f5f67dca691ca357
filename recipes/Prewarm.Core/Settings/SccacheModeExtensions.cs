namespace Prewarm.Core.Settings;

/// <summary>What <see cref="SccacheMode"/> means where a build runs.</summary>
public static class SccacheModeExtensions
{
    /// <summary>A build on this machine: <see cref="SccacheMode.Auto"/> uses sccache when it is installed.</summary>
    public static bool UseLocally(this SccacheMode mode, bool installed) => mode == SccacheMode.On || (mode == SccacheMode.Auto && installed);

    /// <summary>A Dockerfile: only an explicit <see cref="SccacheMode.On"/>, since the base image's tools are unknown.</summary>
    public static bool UseInImage(this SccacheMode mode) => mode == SccacheMode.On;

    /// <summary>Reading an image's record: its statistics are reported unless sccache was switched off.</summary>
    public static bool ReadFromImage(this SccacheMode mode) => mode != SccacheMode.Off;
}
