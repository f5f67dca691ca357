namespace Prewarm.Core.Diagnostics;

/// <summary>A tool Doctor looks for on PATH, and how to install it.</summary>
public sealed record DoctorTool(string Name, bool Required, string Install)
{
    /// <summary>cargo and rustc are required; sccache and docker only for what uses them.</summary>
    public static IReadOnlyList<DoctorTool> All { get; } =
    [
        new("cargo", Required: true, "install Rust with rustup (https://rustup.rs) or apt-get install cargo"),
        new("rustc", Required: true, "install Rust with rustup or apt-get install rustc"),
        new("sccache", Required: false, "apt-get install sccache or cargo install sccache, then set RUSTC_WRAPPER=sccache"),
        new("docker", Required: false, "install a Docker engine with BuildKit (apt-get install docker.io) to build images"),
    ];

    /// <param name="path">Where the tool was found, or null.</param>
    public DoctorFinding Finding(string? path) => DoctorChecks.Tool(Name, path, Required, Install);
}
