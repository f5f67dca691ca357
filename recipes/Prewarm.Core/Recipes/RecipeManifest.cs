namespace Prewarm.Core.Recipes;

/// <summary>One normalised Cargo.toml of the skeleton.</summary>
public sealed record RecipeManifest(string RelativePath, string Contents, IReadOnlyList<RecipeTarget> Targets)
{
    /// <summary><c>package.name</c> of <see cref="Contents"/> when the normaliser knew it (null: not known,
    /// or no <c>[package]</c>), so listing the skeleton's packages need not parse every manifest again.</summary>
    public string? PackageName { get; init; }
}
