namespace Prewarm.Core.Toolchain;

/// <summary>One thing a repository's build asks of the image's toolchain: <paramref name="File"/> (relative
/// to the repository root) holds <paramref name="What"/>, which <paramref name="Tool"/> reads only from
/// <paramref name="Minimum"/> on; <paramref name="Fix"/> says what else to do than a newer image.</summary>
public sealed record ToolchainNeed(string File, string What, RustTool Tool, RustRelease Minimum, string Fix);
