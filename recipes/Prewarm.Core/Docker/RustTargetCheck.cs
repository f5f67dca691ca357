namespace Prewarm.Core.Docker;

/// <summary>The check a <c>--rust-target</c> image runs in its base image before anything compiles:
/// the target's Rust standard library is installed (and, for a musl target, musl-tools' musl-gcc),
/// else one line naming what to install.</summary>
public static class RustTargetCheck
{
    /// <summary>How the check's failure line starts.</summary>
    public const string MissingPrefix = "prewarm --rust-target";

    public static bool IsTriple(string triple) =>
        triple.Length > 0 && triple.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static bool IsMusl(string triple) => triple.EndsWith("-musl", StringComparison.Ordinal) || triple.Contains("-musl", StringComparison.Ordinal);

    /// <summary>What to install for <paramref name="triple"/>: its standard library via rustup (Debian's
    /// rustc: that architecture's libstd-rust-dev), plus musl-tools for a musl target.</summary>
    public static string Remedy(string triple) =>
        $"rustup target add {triple}" + (IsMusl(triple) ? " and apt-get install musl-tools" : " (Debian's rustc: libstd-rust-dev of that architecture)");

    /// <summary>One shell command list: exits 1 with a line naming the fix when something is missing.</summary>
    public static string Script(string triple) =>
        $"ls \"$(rustc --print target-libdir --target {triple} 2>/dev/null)\"/libstd-*.rlib >/dev/null 2>&1 || {{ echo \"{MissingPrefix}={triple}: no Rust standard library for {triple} in the base image; install it: {Remedy(triple)}\" >&2; exit 1; }}"
        + (IsMusl(triple) ? $"; command -v musl-gcc >/dev/null || {{ echo \"{MissingPrefix}={triple}: no musl-gcc in the base image; install musl-tools\" >&2; exit 1; }}" : string.Empty);
}
