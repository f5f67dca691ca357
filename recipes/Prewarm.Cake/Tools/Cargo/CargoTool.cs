namespace Prewarm.Cake.Tools.Cargo;

/// <summary>
/// Runs cargo with typed settings per command; arguments come from <see cref="CargoArguments"/>,
/// the environment from <see cref="CargoSettings"/>. A failed command is one line naming it.
/// </summary>
public sealed class CargoTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<CargoSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>cargo build …</c>; with <c>MessageFormat = "json"</c> the result's output is cargo's JSON messages.</summary>
    public ToolResult Build(CargoBuildSettings settings) => Execute(settings);

    /// <summary><c>cargo tree …</c>; returns its stdout.</summary>
    public string Tree(CargoTreeSettings settings) => Execute(settings).Output;

    /// <summary><c>cargo metadata --format-version 1 …</c>; returns the JSON.</summary>
    public string Metadata(CargoMetadataSettings settings) => Execute(settings).Output;

    /// <summary>Any command with the given settings; a non-zero exit throws.</summary>
    public ToolResult Execute(CargoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ExecuteChecked(settings, CargoArguments.For(settings));
    }

    /// <summary>Cargo finds <c>.cargo/config.toml</c> from its working directory, not from <c>--manifest-path</c>:
    /// without an explicit working directory, cargo runs in the manifest's directory so the project's
    /// config (source replacement, offline) applies.</summary>
    protected override DirectoryPath GetWorkingDirectory(CargoSettings settings) =>
        settings.WorkingDirectory
        ?? (settings.ManifestPath?.GetDirectory() is { } directory && System.IO.Directory.Exists(directory.FullPath) ? directory : null)
        ?? base.GetWorkingDirectory(settings);

    protected override string GetToolName() => "cargo";

    protected override IEnumerable<string> GetToolExecutableNames() => ["cargo", "cargo.exe"];

    protected override IDictionary<string, string> GetEnvironmentVariables(CargoSettings settings) => EnvironmentWith(
        settings,
        ("RUSTC_WRAPPER", settings.RustcWrapper),
        ("CARGO_TARGET_DIR", settings.CargoTargetDir?.FullPath),
        ("CARGO_HOME", settings.CargoHome?.FullPath));
}
