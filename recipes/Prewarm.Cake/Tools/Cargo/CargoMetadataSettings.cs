namespace Prewarm.Cake.Tools.Cargo;

/// <summary><c>cargo metadata --format-version N</c>.</summary>
public sealed class CargoMetadataSettings : CargoSettings
{
    public override string Command => "metadata";

    public int FormatVersion { get; set; } = 1;

    /// <summary><c>--no-deps</c>: workspace members only, no resolve.</summary>
    public bool NoDependencies { get; set; }

    /// <summary><c>--filter-platform TRIPLE</c>.</summary>
    public string? FilterPlatform { get; set; }

    protected internal override void AppendCommandArguments(ProcessArgumentBuilder args) =>
        args.AppendOption("--format-version", FormatVersion)
            .AppendFlag(NoDependencies, "--no-deps")
            .AppendOption("--filter-platform", FilterPlatform);
}
