using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>A repository as a member-scoped recipe sees it: only the packages of the selection's
/// path-dependency closure (<see cref="MemberFilter"/>), so the warmup tiers planned from it hold
/// only crates the scoped build compiles.</summary>
public static class MemberScope
{
    public static CargoRepository Of(CargoRepository repository, RecipeOptions selection) =>
        selection.IsFiltered ? repository with { Packages = MemberFilter.Select(repository, selection) } : repository;
}
