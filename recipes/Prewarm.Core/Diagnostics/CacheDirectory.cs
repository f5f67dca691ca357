namespace Prewarm.Core.Diagnostics;

/// <summary>A cache directory Doctor examines: what it is (<c>CARGO_HOME</c>, …) and its absolute path.</summary>
public sealed record CacheDirectory(string What, string Path)
{
    /// <summary>CARGO_HOME, the target directory and SCCACHE_DIR: each given explicitly, else from
    /// the environment, else the tool's own default. Relative paths are taken from <paramref name="workingDirectory"/>.</summary>
    /// <param name="cargoHome">--cargo-home.</param>
    /// <param name="targetDirectory">--target-dir.</param>
    /// <param name="sccacheDirectory">--sccache-dir.</param>
    /// <param name="repository">The first repository: its <c>target</c> is cargo's default.</param>
    /// <param name="workingDirectory">What relative paths are relative to.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static IReadOnlyList<CacheDirectory> Resolve(
        string? cargoHome, string? targetDirectory, string? sccacheDirectory, string repository, string workingDirectory, Func<string, string?> environment)
    {
        var home = environment("HOME") ?? "/root";
        CacheDirectory Of(string what, string path) => new(what, System.IO.Path.GetFullPath(path, workingDirectory));
        return
        [
            Of("CARGO_HOME", cargoHome ?? environment("CARGO_HOME") ?? System.IO.Path.Combine(home, ".cargo")),
            Of("target directory", targetDirectory ?? environment("CARGO_TARGET_DIR") ?? System.IO.Path.Combine(repository, "target")),
            Of("SCCACHE_DIR", sccacheDirectory ?? environment("SCCACHE_DIR") ?? System.IO.Path.Combine(home, ".cache", "sccache")),
        ];
    }
}
