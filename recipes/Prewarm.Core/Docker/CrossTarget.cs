namespace Prewarm.Core.Docker;

/// <summary>
/// What <c>--cross</c> needs for one target architecture: cargo's target triple, the linker (and C
/// compiler, for build scripts using the cc crate) that produce its binaries on the build platform,
/// and the Debian packages that provide them with the target's Rust standard library.
/// </summary>
public sealed record CrossTarget(string Architecture, string Triple, string Linker, string DebianPackages)
{
    /// <summary>The architectures --cross renders a stage for (Docker's TARGETARCH spelling), in order.</summary>
    public static IReadOnlyList<CrossTarget> All { get; } =
    [
        new("amd64", "x86_64-unknown-linux-gnu", "x86_64-linux-gnu-gcc", "gcc-x86-64-linux-gnu libc6-dev-amd64-cross libstd-rust-dev:amd64"),
        new("arm64", "aarch64-unknown-linux-gnu", "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu libc6-dev-arm64-cross libstd-rust-dev:arm64"),
    ];

    /// <summary>The target for a platform, or a one-line error naming the ones --cross knows.</summary>
    public static CrossTarget For(BuildPlatform platform) =>
        platform.Os == "linux" && platform.Variant is null && All.FirstOrDefault(t => t.Architecture == platform.Architecture) is { } target
            ? target
            : throw new PrewarmException($"--cross: no cross target for {platform} (known: {string.Join(", ", All.Select(t => $"linux/{t.Architecture}"))}); build it without --cross (emulated).");

    /// <summary>cargo's linker variable for the triple: <c>CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER</c>.</summary>
    public string LinkerVariable => $"CARGO_TARGET_{Triple.Replace('-', '_').ToUpperInvariant()}_LINKER";

    /// <summary>The cc crate's compiler variable for the triple: <c>CC_aarch64_unknown_linux_gnu</c>.</summary>
    public string CompilerVariable => $"CC_{Triple.Replace('-', '_')}";

    /// <summary>
    /// A POSIX shell command that succeeds when the image it runs in can cross-compile for this
    /// target (the linker on PATH, the target's standard library beside rustc) and otherwise prints
    /// one line naming what is missing and the fix. The same text runs in the Dockerfile's cross stage
    /// and in the checks before a build (Image, Doctor).
    /// </summary>
    public string CheckScript() =>
        $"command -v {Linker} >/dev/null || {{ echo \"{MissingPrefix}: no {Linker} (linker for {Triple}) in the base image; install {LinkerPackages} or build without --cross\" >&2; exit 1; }}; "
        + $"ls \"$(rustc --print target-libdir --target {Triple} 2>/dev/null)\"/libstd-*.rlib >/dev/null 2>&1 || {{ echo \"{MissingPrefix}: no Rust standard library for {Triple} in the base image; install {StdPackage} (after dpkg --add-architecture {Architecture}) or rustup target add {Triple}\" >&2; exit 1; }}";

    /// <summary>How the check's failure line starts: what the Image task looks for in its output.</summary>
    public const string MissingPrefix = "prewarm --cross";

    private string LinkerPackages => string.Join(' ', DebianPackages.Split(' ').Where(p => !p.Contains(':', StringComparison.Ordinal)));

    private string StdPackage => DebianPackages.Split(' ').Single(p => p.Contains(':', StringComparison.Ordinal));
}
