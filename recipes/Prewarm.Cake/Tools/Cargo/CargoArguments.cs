using Cake.Core;
using Cake.Core.IO;

namespace Prewarm.Cake.Tools.Cargo;

/// <summary>The one place cargo command lines are built: the subcommand, its own options, then the shared ones.</summary>
public static class CargoArguments
{
    public static ProcessArgumentBuilder For(CargoSettings settings)
    {
        var args = new ProcessArgumentBuilder().Append(settings.Command);
        switch (settings)
        {
            case CargoBuildSettings build:
                AppendBuild(args, build);
                break;
            case CargoTreeSettings tree:
                AppendTree(args, tree);
                break;
            case CargoMetadataSettings metadata:
                args.Append("--format-version").Append(metadata.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Flag(args, metadata.NoDependencies, "--no-deps");
                Option(args, "--filter-platform", metadata.FilterPlatform);
                break;
            default:
                throw new ArgumentException($"No cargo arguments for {settings.GetType().Name}.", nameof(settings));
        }

        if (settings.ManifestPath is { } manifest)
        {
            args.Append("--manifest-path").AppendQuoted(manifest.FullPath);
        }

        Flag(args, settings.Frozen, "--frozen");
        Flag(args, settings.Locked, "--locked");
        Flag(args, settings.Offline, "--offline");
        Flag(args, settings.Quiet, "--quiet");
        return args;
    }

    private static void AppendBuild(ProcessArgumentBuilder args, CargoBuildSettings build)
    {
        if (build.Profile is { } profile)
        {
            Option(args, "--profile", profile);
        }
        else
        {
            Flag(args, build.Release, "--release");
        }

        Flag(args, build.Workspace, "--workspace");
        foreach (var package in build.Packages)
        {
            args.Append("-p").AppendQuoted(package);
        }

        foreach (var binary in build.Binaries)
        {
            args.Append("--bin").AppendQuoted(binary);
        }

        Option(args, "--target", build.Target);
        Features(args, build.Features, build.AllFeatures, build.NoDefaultFeatures);
        if (build.TargetDirectory is { } targetDirectory)
        {
            args.Append("--target-dir").AppendQuoted(targetDirectory.FullPath);
        }

        Option(args, "--message-format", build.MessageFormat);
        if (build.Jobs is { } jobs)
        {
            args.Append("--jobs").Append(jobs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void AppendTree(ProcessArgumentBuilder args, CargoTreeSettings tree)
    {
        Flag(args, tree.Workspace, "--workspace");
        foreach (var package in tree.Packages)
        {
            args.Append("-p").AppendQuoted(package);
        }

        if (tree.Depth is { } depth)
        {
            args.Append("--depth").Append(depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (tree.Edges.Count > 0)
        {
            args.Append("-e").Append(string.Join(",", tree.Edges));
        }

        Option(args, "--target", tree.Target);
        Features(args, tree.Features, tree.AllFeatures, tree.NoDefaultFeatures);
        Option(args, "--prefix", tree.Prefix);
        args.Append("--format").AppendQuoted(tree.Format);
    }

    private static void Features(ProcessArgumentBuilder args, IList<string> features, bool all, bool noDefault)
    {
        if (features.Count > 0)
        {
            args.Append("--features").AppendQuoted(string.Join(",", features));
        }

        Flag(args, all, "--all-features");
        Flag(args, noDefault, "--no-default-features");
    }

    private static void Flag(ProcessArgumentBuilder args, bool on, string flag)
    {
        if (on)
        {
            args.Append(flag);
        }
    }

    private static void Option(ProcessArgumentBuilder args, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            args.Append(name).AppendQuoted(value);
        }
    }
}
