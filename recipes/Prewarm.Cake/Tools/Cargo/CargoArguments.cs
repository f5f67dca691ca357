namespace Prewarm.Cake.Tools.Cargo;

/// <summary>A cargo command line: the subcommand, its own options (from its settings class), then the shared ones.</summary>
public static class CargoArguments
{
    public static ProcessArgumentBuilder For(CargoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new ProcessArgumentBuilder().Append(settings.Command);
        settings.AppendCommandArguments(args);
        if (settings.ManifestPath is { } manifest)
        {
            args.Append("--manifest-path").AppendQuoted(manifest.FullPath);
        }

        return args
            .AppendFlag(settings.Frozen, "--frozen")
            .AppendFlag(settings.Locked, "--locked")
            .AppendFlag(settings.Offline, "--offline")
            .AppendFlag(settings.Quiet, "--quiet");
    }

    /// <summary><c>--features a,b</c>, <c>--all-features</c>, <c>--no-default-features</c>: build and tree alike.</summary>
    internal static ProcessArgumentBuilder AppendFeatures(this ProcessArgumentBuilder args, IList<string> features, bool all, bool noDefault) =>
        args.AppendOption("--features", features.Count > 0 ? string.Join(",", features) : null)
            .AppendFlag(all, "--all-features")
            .AppendFlag(noDefault, "--no-default-features");
}
