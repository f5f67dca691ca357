namespace Prewarm.Cake.Tools.Cargo;

/// <summary><c>cargo tree</c>; the defaults give the machine-readable form <c>CargoTreeParser</c> reads:
/// <c>--prefix depth --format {p}</c>.</summary>
public sealed class CargoTreeSettings : CargoSettings
{
    public override string Command => "tree";

    /// <summary><c>--depth N</c>.</summary>
    public int? Depth { get; set; }

    /// <summary><c>-e KINDS</c>, e.g. normal, build.</summary>
    public IList<string> Edges { get; } = [];

    /// <summary><c>--prefix</c>: depth, indent or none.</summary>
    public string Prefix { get; set; } = "depth";

    /// <summary><c>--format</c>.</summary>
    public string Format { get; set; } = "{p}";

    /// <summary><c>--target TRIPLE</c> ("all" for every platform).</summary>
    public string? Target { get; set; }

    public bool Workspace { get; set; }

    public IList<string> Packages { get; } = [];

    public IList<string> Features { get; } = [];

    public bool AllFeatures { get; set; }

    /// <summary>A build identity's arguments (<c>BuildIdentity.CargoArguments</c>: profile, selection, target,
    /// feature switches), appended after the switches above; the way the tasks say which build to make.</summary>
    public IList<string> Identity { get; } = [];

    public bool NoDefaultFeatures { get; set; }

    protected internal override void AppendCommandArguments(ProcessArgumentBuilder args) =>
        args.AppendFlag(Workspace, "--workspace")
            .AppendOptions("-p", Packages)
            .AppendOption("--depth", Depth)
            .AppendJoined("-e", Edges)
            .AppendOption("--target", Target)
            .AppendFeatures(Features, AllFeatures, NoDefaultFeatures)
            .AppendSpelled(Identity)
            .AppendOption("--prefix", Prefix)
            .Append("--format").AppendQuoted(Format);
}
