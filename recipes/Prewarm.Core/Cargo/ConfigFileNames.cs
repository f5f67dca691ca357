namespace Prewarm.Core.Cargo;

/// <summary>Which spelling of a directory's configuration cargo and rustup read when both exist. Both
/// take the old name and warn: cargo "both `.cargo/config` and `.cargo/config.toml` exist. Using
/// `.cargo/config`", rustup "both rust-toolchain and rust-toolchain.toml exist; using contents of
/// rust-toolchain".</summary>
public static class ConfigFileNames
{
    public static readonly string[] CargoConfig = [".cargo/config", ".cargo/config.toml"];

    public static readonly string[] RustToolchain = ["rust-toolchain", "rust-toolchain.toml"];

    /// <summary>The first of <paramref name="spellings"/> that is a file in <paramref name="directory"/>
    /// (absolute), '/'-separated and relative to it; null when there is none.</summary>
    public static string? Read(string directory, IEnumerable<string> spellings) =>
        spellings.FirstOrDefault(s => File.Exists(Path.Combine(directory, s.Replace('/', Path.DirectorySeparatorChar))));
}
