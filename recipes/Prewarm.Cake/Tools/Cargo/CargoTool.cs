using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Process;

namespace Prewarm.Cake.Tools.Cargo;

/// <summary>
/// Runs cargo with typed settings per command; arguments come from <see cref="CargoArguments"/>,
/// the environment from <see cref="CargoSettings"/>. Every command returns what cargo printed.
/// </summary>
public sealed class CargoTool : CapturingTool<CargoSettings>
{
    public CargoTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public static CargoTool For(ICakeContext context) =>
        new(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);

    /// <summary><c>cargo build …</c>; with <c>MessageFormat = "json"</c> the output's stdout is cargo's JSON messages.</summary>
    public ToolOutput Build(CargoBuildSettings settings, bool allowFailure = false) => Execute(settings, allowFailure);

    /// <summary><c>cargo tree …</c>; returns its stdout.</summary>
    public string Tree(CargoTreeSettings settings) => Execute(settings, allowFailure: false).StandardOutput;

    /// <summary><c>cargo metadata --format-version 1 …</c>; returns the JSON.</summary>
    public string Metadata(CargoMetadataSettings settings) => Execute(settings, allowFailure: false).StandardOutput;

    /// <summary>Any command with the given settings.</summary>
    public ToolOutput Execute(CargoSettings settings, bool allowFailure = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Capture(settings, CargoArguments.For(settings), allowFailure);
    }

    protected override string GetToolName() => "cargo";

    protected override IEnumerable<string> GetToolExecutableNames() => ["cargo", "cargo.exe"];

    protected override IDictionary<string, string> GetEnvironmentVariables(CargoSettings settings)
    {
        var variables = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (settings.RustcWrapper is { } wrapper)
        {
            variables["RUSTC_WRAPPER"] = wrapper;
        }

        if (settings.CargoTargetDir is { } targetDir)
        {
            variables["CARGO_TARGET_DIR"] = targetDir.FullPath;
        }

        if (settings.CargoHome is { } home)
        {
            variables["CARGO_HOME"] = home.FullPath;
        }

        return variables;
    }
}
