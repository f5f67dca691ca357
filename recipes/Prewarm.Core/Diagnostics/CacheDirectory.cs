namespace Prewarm.Core.Diagnostics;

/// <summary>A cache directory Doctor examines: what it is (<c>CARGO_HOME</c>, …) and its absolute path.</summary>
public sealed record CacheDirectory(string What, string Path)
{
    /// <summary>CARGO_HOME, the target directory and SCCACHE_DIR as the settings resolved them (option,
    /// else environment variable), else the tool's own default under <paramref name="home"/>.
    /// Relative paths are taken from <paramref name="workingDirectory"/>.</summary>
    /// <param name="cargoHome">--cargo-home, else CARGO_HOME.</param>
    /// <param name="targetDirectory">The target directory Cook and Verify build into.</param>
    /// <param name="sccacheDirectory">--sccache-dir, else SCCACHE_DIR.</param>
    /// <param name="workingDirectory">What relative paths are relative to.</param>
    /// <param name="home">HOME (null when unset: /root).</param>
    public static IReadOnlyList<CacheDirectory> Resolve(
        string? cargoHome, string targetDirectory, string? sccacheDirectory, string workingDirectory, string? home)
    {
        home ??= "/root";
        CacheDirectory Of(string what, string path) => new(what, System.IO.Path.GetFullPath(path, workingDirectory));
        return
        [
            Of("CARGO_HOME", cargoHome ?? System.IO.Path.Combine(home, ".cargo")),
            Of("target directory", targetDirectory),
            Of("SCCACHE_DIR", sccacheDirectory ?? System.IO.Path.Combine(home, ".cache", "sccache")),
        ];
    }
}
