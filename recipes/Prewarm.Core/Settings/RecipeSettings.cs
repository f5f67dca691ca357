namespace Prewarm.Core.Settings;

/// <summary>Recipe: the member selection and the warmup tiers file.</summary>
public sealed record RecipeSettings
{
    public IReadOnlyList<string> Packages { get; init; } = [];

    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>Absolute path of the <c>tiers</c> JSON file; null for the seed catalog.</summary>
    public string? TiersFile { get; init; }

    /// <summary>The most crates one tier selects itself (<c>tier-max-crates</c>); null for the planner's default, 0 for no cap.</summary>
    public int? TierMaxCrates { get; init; }

    /// <summary>Absolute paths of cargo <c>--timings</c> reports ranking crates (<c>tier-timings</c>).</summary>
    public IReadOnlyList<string> TierTimings { get; init; } = [];
}
