using Cake.Core;
using Cake.Core.IO;
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

    public static BuildEnvironment Environment(PrewarmContext context, string toolchain) =>
        BuildEnvironment.For(context.Settings.Shared.Build, toolchain, RustFlags(context));

    public static CookOptions Cook(PrewarmContext context, DirectoryPath repository, BuildIdentity build) => new()
    {
        Build = build,
        TargetDirectory = context.Settings.Cook.TargetDirectoryFor(repository.FullPath),
        Offline = context.Settings.Cook.Offline,
    };
}
