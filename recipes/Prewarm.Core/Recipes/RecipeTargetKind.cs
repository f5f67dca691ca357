namespace Prewarm.Core.Recipes;

/// <summary>cargo-chef's target kinds; the order is the order targets appear in a recipe.</summary>
public enum RecipeTargetKind
{
    Lib,
    ProcMacro,
    Bin,
    Example,
    Test,
    Bench,
    BuildScript,
}
