namespace Prewarm.Core.Recipes;

/// <summary>Which part of a repository the recipe covers: everything by default, or the
/// dependency closure of the packages named by <c>--package</c> and of the packages owning <c>--bin</c>.</summary>
public sealed record RecipeOptions
{
    public IReadOnlyList<string> Packages { get; init; } = [];
    public IReadOnlyList<string> Bins { get; init; } = [];

    public bool IsFiltered => Packages.Count > 0 || Bins.Count > 0;
}
