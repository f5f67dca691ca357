namespace Prewarm.Core.Warmup;

/// <summary>What tier selection is told besides the scanned repositories: the catalog (the seed's, or
/// <c>--tiers=FILE</c>), the most crates one tier takes (<c>--tier-max-crates</c>) and the build target
/// the <c>[target.'cfg(…)']</c> dependencies are evaluated against (<c>--rust-target</c>; build-dependencies
/// against the host, which is the builder's own platform).</summary>
public sealed record WarmupOptions
{
    /// <summary>Default of <c>--tier-max-crates</c>: the most crates one tier selects itself (its own picks; the tiers below it are not counted).</summary>
    public const int DefaultTierMaxCrates = 40;

    public static WarmupOptions Default { get; } = new();

    public WarmupCatalog Catalog { get; init; } = WarmupCatalog.Default;

    /// <summary>The most crates one tier selects; 0 means no cap.</summary>
    public int TierMaxCrates { get; init; } = DefaultTierMaxCrates;

    /// <summary>The platform normal dependencies are built for.</summary>
    public TargetPlatform Target { get; init; } = TargetPlatform.Default;

    /// <summary>The platform build scripts (and so build-dependencies) are built for.</summary>
    public TargetPlatform Host { get; init; } = TargetPlatform.Default;

    /// <summary>Compile times measured by <c>cargo build --timings</c> (<c>--tier-timings</c>): among crates as many
    /// repositories use, the one whose closure took longer ranks first.</summary>
    public CompileTimes Timings { get; init; } = CompileTimes.None;

    /// <summary>Options for <c>--rust-target</c> (null: the default Linux builder target).</summary>
    public static WarmupOptions For(WarmupCatalog catalog, int? tierMaxCrates, string? rustTarget) => new()
    {
        Catalog = catalog,
        TierMaxCrates = tierMaxCrates ?? DefaultTierMaxCrates,
        Target = rustTarget is { Length: > 0 } ? TargetPlatform.For(rustTarget) : TargetPlatform.Default,
    };

    /// <summary>The options of a run: the catalog read from <paramref name="tiersFile"/> (<c>--tiers</c>; the seed's
    /// when null), the tier cap, the timing reports merged (<c>--tier-timings</c>) and the build target.</summary>
    public static WarmupOptions Read(string? tiersFile, int? tierMaxCrates, IReadOnlyList<string> timingReports, string? rustTarget) =>
        For(ReadCatalog(tiersFile), tierMaxCrates, rustTarget) with
        {
            Timings = timingReports.Aggregate(CompileTimes.None, (times, path) => times.Merge(File.Exists(path)
                ? CompileTimes.ParseTimingReport(File.ReadAllText(path), path)
                : throw new PrewarmException($"{path}: timings report not found (--tier-timings)"))),
        };

    private static WarmupCatalog ReadCatalog(string? file) => file switch
    {
        null => WarmupCatalog.Default,
        _ when !File.Exists(file) => throw new PrewarmException($"{file}: tiers file not found (--tiers)"),
        _ => WarmupCatalog.Parse(File.ReadAllText(file), file),
    };
}
