namespace Prewarm.Core.Recipes;

/// <summary>A repository's toolchain pin: <c>rust-toolchain.toml</c> (<see cref="IsToml"/>) or the bare
/// <c>rust-toolchain</c> file, which rustup reads when both exist.</summary>
public sealed record RustToolchainFile(bool IsToml, string Contents)
{
    public string FileName => IsToml ? "rust-toolchain.toml" : "rust-toolchain";
}
