using Cake.Frosting;
using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Recipes;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Per repository: <c>recipes/&lt;repo-id&gt;/recipe.json</c> (cargo-chef's format), the materialised
/// <c>skeleton/</c>, <c>build-env.json</c> (toolchain, profile, target, features, RUSTFLAGS + SHA-256)
/// and <c>recipe-manifest.json</c> (what later stages read). Across repositories: the layered warmup
/// crates <c>warmup/&lt;tier&gt;/</c> and <c>warmup/tiers.json</c>.
/// The repositories are Scan's result in this run, or with <c>--exclusive</c> its <c>scan.json</c> (refused
/// when stale), never a second scan.
/// </summary>
[TaskName("Recipe")]
[IsDependentOn(typeof(ScanTask))]
[TaskDescription("Writes a deterministic cargo-chef-compatible recipe and skeleton per repository, and the layered warmup crates.")]
public sealed class RecipeTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var scan = ScanStage.Result(context);
        var build = context.Settings.Shared.Build;
        var selection = build.Selection();
        var warmup = WarmupStage.Plan(scan, selection);
        foreach (var repository in scan.Repositories)
        {
            // `rustc -vV` is a process of its own, mostly waiting: it runs while the skeleton is built.
            var toolchain = Task.Run(() => context.RustcVerboseVersion(new RustcVersionSettings { WorkingDirectory = repository.RootPath }));
            Recipe recipe;
            try
            {
                recipe = SkeletonBuilder.Build(repository, selection);
            }
            catch
            {
                // The skeleton's error is the one reported, as when it came first; rustc has ended by then.
                Task.WhenAny(toolchain).Wait();
                throw;
            }

            var environment = RecipeArguments.Environment(context, toolchain.GetAwaiter().GetResult())
                with { NestedToolchains = RecipeArguments.NestedToolchains(context, repository.RootPath, recipe) };
            var written = RecipeArtifacts.Write(context.Artifacts.FullPath, repository, recipe, environment, build);
            context.Log.Information(
                "Recipe {0}: {1} manifests, {2} dummy crates, recipe {3}, environment {4} (profile {5}) -> {6}",
                repository.Id,
                recipe.Manifests.Count,
                recipe.LocalPackages().Count,
                written.RecipeSha256[..12],
                written.Fingerprint[..12],
                written.Profile,
                context.Layout.RecipeDirectory(repository.Id));
        }

        warmup.Write(context);
    }
}
