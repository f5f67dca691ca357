using Cake.Core;
using Cake.Core.Diagnostics;
using Prewarm.Cake.Support;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Per repository: <c>recipes/&lt;repo-id&gt;/recipe.json</c> (cargo-chef's format), the materialised
/// <c>skeleton/</c> and <c>build-env.json</c> (toolchain, profile, target, features, RUSTFLAGS + SHA-256).
/// Across repositories: the layered warmup crates <c>warmup/&lt;tier&gt;/</c>.
/// Arguments: <c>--package</c>/<c>--bin</c> (repeatable), <c>--release</c> or <c>--profile=NAME</c>,
/// <c>--rust-target=TRIPLE</c>, <c>--features=a,b</c>, <c>--tiers=FILE</c>.
/// The repositories are scanned again (cheap) because recipes need the manifests' text, which scan.json leaves out.
/// </summary>
[TaskName("Recipe")]
[IsDependentOn(typeof(ScanTask))]
[TaskDescription("Writes a deterministic cargo-chef-compatible recipe and skeleton per repository, and the layered warmup crates.")]
public sealed class RecipeTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var repositories = RepositoryScanner.ScanAll(context.Repositories.Select(r => r.FullPath).ToList(), TaskArguments.List(context, "exclude"));
        var selection = RecipeArguments.Selection(context);
        var rustc = RustcTool.For(context);
        foreach (var repository in repositories)
        {
            var recipe = SkeletonBuilder.Build(repository, selection);
            var toolchain = rustc.VerboseVersion(new RustcVersionSettings { WorkingDirectory = repository.RootPath });
            var written = RecipeArtifacts.Write(context.Artifacts.FullPath, repository, recipe, RecipeArguments.Environment(context, toolchain));
            context.Log.Information(
                "Recipe {0}: {1} manifests, {2} dummy crates, recipe {3}, environment {4} -> {5}",
                repository.Id,
                recipe.Manifests.Count,
                recipe.LocalPackages().Count,
                written.RecipeSha256[..12],
                written.Fingerprint[..12],
                RecipeArtifacts.DirectoryFor(context.Artifacts.FullPath, repository.Id));
        }

        WarmupStage.Write(context, context.Artifacts, repositories);
    }
}
