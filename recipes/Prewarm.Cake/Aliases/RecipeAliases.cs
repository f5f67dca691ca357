using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;

namespace Prewarm.Cake.Aliases;

/// <summary>Preparing cargo-chef-compatible recipes and skeletons from a Cake script.</summary>
[CakeAliasCategory("Prewarm")]
public static class RecipeAliases
{
    /// <summary>Builds the recipe of a scanned repository (deterministic; nothing is written).</summary>
    [CakeMethodAlias]
    public static Recipe PrewarmRecipe(this ICakeContext context, CargoRepository repository, RecipeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SkeletonBuilder.Build(repository, options);
    }

    /// <summary>
    /// Scans <paramref name="repository"/> and writes <c>recipes/&lt;repo-id&gt;/recipe.json</c>, the
    /// materialised <c>skeleton/</c> and <c>build-env.json</c> under <paramref name="artifacts"/>.
    /// Returns the recorded build environment with its fingerprint.
    /// </summary>
    /// <example><code>var env = PrewarmPrepareRecipe(Directory("./"), Directory("artifacts/prewarm"));</code></example>
    [CakeMethodAlias]
    public static BuildEnvironment PrewarmPrepareRecipe(this ICakeContext context, DirectoryPath repository, DirectoryPath artifacts, RecipeOptions? options = null, string profile = "dev")
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = repository.MakeAbsolute(context.Environment).FullPath;
        var scanned = RepositoryScanner.ScanAll([root])[0];
        var recipe = SkeletonBuilder.Build(scanned, options);
        var toolchain = context.RustcVerboseVersion(new RustcVersionSettings { WorkingDirectory = root });
        var environment = new BuildEnvironment
        {
            Toolchain = toolchain,
            NestedToolchains = RecipeArguments.NestedToolchains(context, root, recipe),
            Profile = profile,
            Features = [],
            RustFlags = context.Environment.GetEnvironmentVariable("RUSTFLAGS") ?? "",
            RecipeSha256 = "",
        };
        var build = new BuildIdentity { Profile = profile, Packages = options?.Packages ?? [], Bins = options?.Bins ?? [] };
        return RecipeArtifacts.Write(artifacts.MakeAbsolute(context.Environment).FullPath, scanned, recipe, environment, build);
    }
}
