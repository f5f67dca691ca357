namespace Prewarm.Core.Recipes.Cooking;

/// <summary>How the skeleton is built; the same build must be made by the real build afterwards, or
/// cargo compiles the dependencies again.</summary>
public sealed record CookOptions
{
    /// <summary>The build (profile, target, feature switches, selection) the recipe was made for.</summary>
    public BuildIdentity Build { get; init; } = new();

    /// <summary>Where cargo puts its artifacts; the real build must use the same directory.</summary>
    public required string TargetDirectory { get; init; }

    public bool Offline { get; init; }
}
