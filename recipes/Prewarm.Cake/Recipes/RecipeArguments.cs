using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Recipes;

/// <summary>The Recipe and Cook tasks' inputs from the bound settings (the build identity, target
/// directory) and RUSTFLAGS from the environment.</summary>
internal static class RecipeArguments
{
    /// <summary>What cargo reads for extra compiler flags: CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS.</summary>
    public static string RustFlags(ICakeContext context) =>
        context.Environment.GetEnvironmentVariable("CARGO_ENCODED_RUSTFLAGS") is { Length: > 0 } encoded
            ? encoded.Replace('\u001f', ' ')
            : context.Environment.GetEnvironmentVariable("RUSTFLAGS") ?? "";

    /// <summary>The environment <paramref name="build"/> (by default the run's) is made in.</summary>
    public static BuildEnvironment Environment(PrewarmContext context, string toolchain, BuildIdentity? build = null) =>
        BuildEnvironment.For(build ?? context.Settings.Shared.Build, toolchain, RustFlags(context));

    /// <summary><c>rustc -vV</c> in each directory below <paramref name="root"/> (the repository, or the
    /// skeleton for Cook) where <paramref name="recipe"/> carries a toolchain file: rustup takes the nearest
    /// one, so this is what a nested workspace builds with, recorded as the root's toolchain is.</summary>
    public static SortedDictionary<string, string> NestedToolchains(ICakeContext context, string root, Recipe recipe)
    {
        var toolchains = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in recipe.NestedToolchainDirectories())
        {
            toolchains[directory] = context.RustcVerboseVersion(new RustcVersionSettings { WorkingDirectory = System.IO.Path.Combine(root, directory) });
        }

        return toolchains;
    }

    public static CookOptions Cook(PrewarmContext context, DirectoryPath repository, BuildIdentity build) => new()
    {
        Build = build,
        TargetDirectory = context.Settings.Cook.TargetDirectoryFor(repository.FullPath),
        Offline = context.Settings.Cook.Offline,
    };
}
