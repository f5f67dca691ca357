namespace Prewarm.Core.Settings;

/// <summary>Recipe: the member selection and the warmup tiers file.</summary>
public sealed record RecipeSettings
{
    public IReadOnlyList<string> Packages { get; init; } = [];

    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>Absolute path of the <c>tiers</c> JSON file; null for the seed catalog.</summary>
    public string? TiersFile { get; init; }
}
