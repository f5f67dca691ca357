using Cake.Core;
using Cake.Core.IO;
using Prewarm.Core;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Support;

/// <summary>The Recipe and Cook tasks' arguments: <c>--package</c>/<c>--bin</c> (repeatable),
/// <c>--release</c> or <c>--profile=NAME</c>, <c>--rust-target=TRIPLE</c> (Cake owns <c>--target</c>),
/// <c>--features=a,b</c>, <c>--target-dir=DIR</c>, <c>--offline</c>; RUSTFLAGS from the environment.</summary>
internal static class RecipeArguments
{
    public static RecipeOptions Selection(ICakeContext context) => new()
    {
        Packages = Values(context, "package"),
        Bins = Values(context, "bin"),
    };

    public static string Profile(ICakeContext context)
    {
        var profile = TaskArguments.Text(context, "profile");
        var release = TaskArguments.Switch(context, "release", false);
        if (profile is not null && release && profile != "release")
        {
            throw new PrewarmException($"--release and --profile={profile} contradict each other; pass one");
        }

        return profile ?? (release ? "release" : "dev");
    }

    public static IReadOnlyList<string> Features(ICakeContext context) => BuildEnvironment.NormalizeFeatures(Values(context, "features"));

    public static string? RustTarget(ICakeContext context) => TaskArguments.Text(context, "rust-target");

    /// <summary>What cargo reads for extra compiler flags: CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS.</summary>
    public static string RustFlags(ICakeContext context) =>
        context.Environment.GetEnvironmentVariable("CARGO_ENCODED_RUSTFLAGS") is { Length: > 0 } encoded
            ? encoded.Replace('\u001f', ' ')
            : context.Environment.GetEnvironmentVariable("RUSTFLAGS") ?? "";

    public static BuildEnvironment Environment(ICakeContext context, string toolchain) => new()
    {
        Toolchain = toolchain,
        Profile = Profile(context),
        Target = RustTarget(context),
        Features = Features(context),
        RustFlags = RustFlags(context),
        RecipeSha256 = "",
    };

    public static CookOptions Cook(ICakeContext context, DirectoryPath repository, RecipeOptions selection) => new()
    {
        Profile = Profile(context),
        Target = RustTarget(context),
        Features = Features(context),
        TargetDirectory = (TaskArguments.Text(context, "target-dir") is { } directory
                ? new DirectoryPath(directory).MakeAbsolute(context.Environment)
                : repository.Combine("target")).Collapse().FullPath,
        Offline = TaskArguments.Switch(context, "offline", false),
        Packages = selection.Packages,
        Bins = selection.Bins,
    };

    private static IReadOnlyList<string> Values(ICakeContext context, string name) => TaskArguments.List(context, name);
}
