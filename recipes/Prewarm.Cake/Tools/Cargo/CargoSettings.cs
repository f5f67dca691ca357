namespace Prewarm.Cake.Tools.Cargo;

/// <summary>
/// What every cargo command shares: manifest, lock and network switches, and the environment cargo
/// reads (<c>RUSTC_WRAPPER</c>, <c>CARGO_TARGET_DIR</c>, <c>CARGO_HOME</c>). Extra variables go in
/// <see cref="ToolSettings.EnvironmentVariables"/>.
/// </summary>
public abstract class CargoSettings : ToolSettings
{
    /// <summary>The cargo subcommand, e.g. "build".</summary>
    public abstract string Command { get; }

    /// <summary>Appends the subcommand's own options; <see cref="CargoArguments"/> adds the shared ones.</summary>
    protected internal abstract void AppendCommandArguments(ProcessArgumentBuilder args);

    /// <summary><c>--manifest-path</c>.</summary>
    public FilePath? ManifestPath { get; set; }

    /// <summary><c>--locked</c>: fail instead of changing Cargo.lock.</summary>
    public bool Locked { get; set; }

    /// <summary><c>--offline</c>.</summary>
    public bool Offline { get; set; }

    /// <summary><c>--frozen</c> (= locked + offline).</summary>
    public bool Frozen { get; set; }

    /// <summary><c>--quiet</c>.</summary>
    public bool Quiet { get; set; }

    /// <summary>Environment <c>RUSTC_WRAPPER</c> (e.g. "sccache"); an empty string disables a wrapper set outside.</summary>
    public string? RustcWrapper { get; set; }

    /// <summary>Environment <c>CARGO_TARGET_DIR</c>.</summary>
    public DirectoryPath? CargoTargetDir { get; set; }

    /// <summary>Environment <c>CARGO_HOME</c>.</summary>
    public DirectoryPath? CargoHome { get; set; }
}
