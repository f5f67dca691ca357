namespace Prewarm.Core.Recipes;

/// <summary>The smallest source that compiles for each kind of target, so cargo builds every
/// dependency of the skeleton and almost nothing of its own.</summary>
public static class DummySources
{
    public const string Empty = "";
    public const string Main = "fn main() {}\n";

    public static string For(RecipeTarget target) => target.Kind switch
    {
        RecipeTargetKind.Lib or RecipeTargetKind.ProcMacro => Empty,
        // With the default harness libtest supplies main; without it the file must have one.
        RecipeTargetKind.Test or RecipeTargetKind.Bench => target.Harness ? Empty : Main,
        _ => Main,
    };

    /// <summary>When two targets share a file (a bin and an example on one path), the one with a
    /// <c>main</c> wins: an unused <c>main</c> in a library is a warning, a missing one an error.</summary>
    public static string Merge(string first, string second) => first == Main || second == Main ? Main : Empty;
}
