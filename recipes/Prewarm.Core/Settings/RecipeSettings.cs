namespace Prewarm.Core.Settings;

/// <summary>Recipe: the warmup tiers (the member selection is part of <see cref="SharedSettings.Build"/>).</summary>
public sealed record RecipeSettings
{
    /// <summary>Absolute path of the <c>tiers</c> JSON file; null for the seed catalog.</summary>
    public string? TiersFile { get; init; }

    /// <summary>The most crates one tier selects itself (<c>tier-max-crates</c>); null for the planner's default, 0 for no cap.</summary>
    public int? TierMaxCrates { get; init; }

    /// <summary>Absolute paths of cargo <c>--timings</c> reports ranking crates (<c>tier-timings</c>).</summary>
    public IReadOnlyList<string> TierTimings { get; init; } = [];
}
