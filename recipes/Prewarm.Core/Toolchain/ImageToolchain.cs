using System.Text.Json.Serialization;

namespace Prewarm.Core.Toolchain;

/// <summary>The cargo and rustc an image runs, as their <c>-V</c> lines print them
/// (<c>cargo 1.65.0</c>, <c>rustc 1.63.0</c>, <c>cargo 1.95.0 (f2d3ce0bd 2026-03-21)</c>), and whether
/// rustup manages them (then a repository's toolchain file picks another toolchain than these).</summary>
public sealed record ImageToolchain(string Cargo, string Rustc, bool Rustup = false)
{
    /// <summary>What the base image is asked: both versions, one line each, then <c>rustup</c> if it is there.</summary>
    public const string Script = "cargo -V && rustc -V && if command -v rustup >/dev/null; then echo rustup; fi";

    /// <summary>The version cargo prints (<c>1.65.0</c>).</summary>
    [JsonIgnore]
    public RustRelease CargoRelease => Release(Cargo, cargo: true);

    /// <summary>The version rustc prints (<c>1.63.0</c>).</summary>
    [JsonIgnore]
    public RustRelease RustcRelease => Release(Rustc, cargo: false);

    /// <summary>The version of <paramref name="tool"/>.</summary>
    public RustRelease ReleaseOf(RustTool tool) => tool == RustTool.Cargo ? CargoRelease : RustcRelease;

    /// <summary>The version of <paramref name="tool"/> as printed.</summary>
    public string VersionOf(RustTool tool) => tool == RustTool.Cargo ? Cargo : Rustc;

    /// <summary>Reads the output of <see cref="Script"/>: null unless both a <c>cargo X.Y.Z</c> and a
    /// <c>rustc X.Y.Z</c> line are there.</summary>
    public static ImageToolchain? Parse(string output)
    {
        string? cargo = null, rustc = null;
        var rustup = false;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            rustup |= line == "rustup";
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && RustRelease.TryParse(words[1], out _))
            {
                cargo = words[0] == "cargo" ? cargo ?? words[1] : cargo;
                rustc = words[0] == "rustc" ? rustc ?? words[1] : rustc;
            }
        }

        return cargo is not null && rustc is not null ? new ImageToolchain(cargo, rustc, rustup) : null;
    }

    private static RustRelease Release(string version, bool cargo)
    {
        RustRelease.TryParse(version, out var release);
        // A cargo built from its own crate's sources may print the crate's version: 0.66 is Rust 1.65.
        return cargo && release.Major == 0 && release.Minor > 0 ? new RustRelease(1, release.Minor - 1, release.Patch) : release;
    }
}

/// <summary>Which of the image's tools a requirement is about.</summary>
public enum RustTool
{
    Cargo,
    Rustc,
}
