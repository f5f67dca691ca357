namespace Prewarm.Core.Docker;

/// <summary>Where cargo keeps its registry and git checkouts inside the builder image.</summary>
public enum CargoLayout
{
    /// <summary>CARGO_HOME is a directory of the build user; registry/ and git/ in it are cache mounts.</summary>
    CargoHome,

    /// <summary>CARGO_HOME stays /usr/local/cargo (official rust images); registry/ and git/ are
    /// symlinks into /cache/cargo, where the cache mounts are.</summary>
    Symlinked,
}
