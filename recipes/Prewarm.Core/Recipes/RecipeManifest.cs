namespace Prewarm.Core.Recipes;

/// <summary>One normalised Cargo.toml of the skeleton.</summary>
public sealed record RecipeManifest(string RelativePath, string Contents, IReadOnlyList<RecipeTarget> Targets);
