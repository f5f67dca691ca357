namespace Prewarm.Cake.Tools.Rustc;

/// <summary><c>rustc -vV</c>: release, commit, host triple and LLVM version, the toolchain's identity.</summary>
public sealed class RustcVersionSettings : ToolSettings
{
}
