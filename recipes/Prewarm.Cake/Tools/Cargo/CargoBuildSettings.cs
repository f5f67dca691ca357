namespace Prewarm.Cake.Tools.Cargo;

/// <summary><c>cargo build</c>.</summary>
public sealed class CargoBuildSettings : CargoSettings
{
    public override string Command => "build";

    /// <summary><c>--release</c>; ignored when <see cref="Profile"/> is set.</summary>
    public bool Release { get; set; }

    /// <summary><c>--profile NAME</c>.</summary>
    public string? Profile { get; set; }

    /// <summary><c>--target TRIPLE</c> (repeatable in cargo; one here).</summary>
    public string? Target { get; set; }

    /// <summary><c>--features a,b</c>.</summary>
    public IList<string> Features { get; } = [];

    public bool AllFeatures { get; set; }

    public bool NoDefaultFeatures { get; set; }

    /// <summary><c>--target-dir DIR</c>.</summary>
    public DirectoryPath? TargetDirectory { get; set; }

    /// <summary><c>--message-format FMT</c>, e.g. "json" (then stdout is one JSON message a line).</summary>
    public string? MessageFormat { get; set; }

    /// <summary><c>--workspace</c>.</summary>
    public bool Workspace { get; set; }

    /// <summary><c>-p NAME</c> for each.</summary>
    public IList<string> Packages { get; } = [];

    /// <summary><c>--bin NAME</c> for each.</summary>
    public IList<string> Binaries { get; } = [];

    /// <summary>A build identity's arguments (<c>BuildIdentity.CargoArguments</c>: profile, selection, target,
    /// feature switches), appended after the switches above; the way the tasks say which build to make.</summary>
    public IList<string> Identity { get; } = [];

    /// <summary><c>--jobs N</c>.</summary>
    public int? Jobs { get; set; }

    protected internal override void AppendCommandArguments(ProcessArgumentBuilder args)
    {
        if (Profile is not null)
        {
            args.AppendOption("--profile", Profile);
        }
        else
        {
            args.AppendFlag(Release, "--release");
        }

        args.AppendFlag(Workspace, "--workspace")
            .AppendOptions("-p", Packages)
            .AppendOptions("--bin", Binaries)
            .AppendOption("--target", Target)
            .AppendFeatures(Features, AllFeatures, NoDefaultFeatures)
            .AppendSpelled(Identity)
            .AppendOption("--target-dir", TargetDirectory?.FullPath)
            .AppendOption("--message-format", MessageFormat)
            .AppendOption("--jobs", Jobs);
    }
}
