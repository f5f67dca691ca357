namespace Prewarm.Cake.Tools.Rustc;

/// <summary>Runs rustc; today only to identify the toolchain recorded beside a recipe.</summary>
public sealed class RustcTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : PrewarmTool<RustcVersionSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary><c>rustc -vV</c>, trimmed, '\n' line endings. Run in <paramref name="settings"/>'s working
    /// directory so a rust-toolchain file there selects the toolchain, as it will for the build.</summary>
    public string VerboseVersion(RustcVersionSettings settings) =>
        ExecuteChecked(settings, new ProcessArgumentBuilder().Append("-vV")).Output.ReplaceLineEndings("\n").Trim();

    protected override string GetToolName() => "rustc";

    protected override IEnumerable<string> GetToolExecutableNames() => ["rustc", "rustc.exe"];
}
