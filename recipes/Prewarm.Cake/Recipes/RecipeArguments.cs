using Cake.Core;
using Cake.Core.IO;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Recipes;

/// <summary>The Recipe and Cook tasks' inputs from the bound settings (profile, target, features,
/// selection, target directory) and RUSTFLAGS from the environment.</summary>
internal static class RecipeArguments
{
    public static RecipeOptions Selection(PrewarmContext context) => new()
    {
        Packages = context.Settings.Recipe.Packages,
        Bins = context.Settings.Recipe.Bins,
    };

    /// <summary>What cargo reads for extra compiler flags: CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS.</summary>
    public static string RustFlags(ICakeContext context) =>
        context.Environment.GetEnvironmentVariable("CARGO_ENCODED_RUSTFLAGS") is { Length: > 0 } encoded
            ? encoded.Replace('\u001f', ' ')
            : context.Environment.GetEnvironmentVariable("RUSTFLAGS") ?? "";

    public static BuildEnvironment Environment(PrewarmContext context, string toolchain)
    {
        var build = context.Settings.Shared.Build;
        return new BuildEnvironment
        {
            Toolchain = toolchain,
            Profile = build.Profile,
            Target = build.RustTarget,
            Features = build.Features,
            RustFlags = RustFlags(context),
            RecipeSha256 = "",
        };
    }

    /// <summary><c>rustc -vV</c> in each directory below <paramref name="root"/> (the repository, or the
    /// skeleton for Cook) where <paramref name="recipe"/> carries a toolchain file: rustup takes the nearest
    /// one, so this is what a nested workspace builds with, recorded as the root's toolchain is.</summary>
    public static SortedDictionary<string, string> NestedToolchains(RustcTool rustc, string root, Recipe recipe)
    {
        var toolchains = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in recipe.NestedToolchainDirectories())
        {
            toolchains[directory] = rustc.VerboseVersion(new RustcVersionSettings { WorkingDirectory = System.IO.Path.Combine(root, directory) });
        }

        return toolchains;
    }

    public static CookOptions Cook(PrewarmContext context, DirectoryPath repository, RecipeOptions selection)
    {
        var build = context.Settings.Shared.Build;
        return new CookOptions
        {
            Profile = build.Profile,
            Target = build.RustTarget,
            Features = build.Features,
            TargetDirectory = context.Settings.Cook.TargetDirectoryFor(repository.FullPath),
            Offline = context.Settings.Cook.Offline,
            Packages = selection.Packages,
            Bins = selection.Bins,
        };
    }
}
