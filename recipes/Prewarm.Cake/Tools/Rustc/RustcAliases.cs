namespace Prewarm.Cake.Tools.Rustc;

/// <summary>rustc from a Cake script.</summary>
[CakeAliasCategory("Rustc")]
public static class RustcAliases
{
    /// <summary><c>rustc -vV</c>, the toolchain's identity; run in the settings' working directory so a
    /// rust-toolchain file there selects the toolchain.</summary>
    [CakeMethodAlias]
    public static string RustcVerboseVersion(this ICakeContext context, RustcVersionSettings? settings = null) =>
        new RustcTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).VerboseVersion(settings ?? new RustcVersionSettings());
}
