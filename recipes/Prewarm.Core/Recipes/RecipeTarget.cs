namespace Prewarm.Core.Recipes;

/// <summary>A compilation target of a skeleton manifest. <see cref="Path"/> is relative to the
/// manifest's directory, '/'-separated, as cargo-chef records it.</summary>
public sealed record RecipeTarget(string Path, RecipeTargetKind Kind, string Name)
{
    /// <summary>False for tests and benches declared with <c>harness = false</c> (they need a <c>main</c>).</summary>
    public bool Harness { get; init; } = true;
}
