using Cake.Frosting;
using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Services;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Per repository: <c>recipes/&lt;repo-id&gt;/recipe.json</c> (cargo-chef's format), the materialised
/// <c>skeleton/</c>, <c>build-env.json</c> (toolchain, profile, target, features, RUSTFLAGS + SHA-256)
/// and <c>recipe-manifest.json</c> (what later stages read). Across repositories: the layered warmup
/// crates <c>warmup/&lt;tier&gt;/</c> and <c>warmup/tiers.json</c>. With services declared, per service
/// (<c>recipes/&lt;repo-id&gt;.&lt;service&gt;/</c>, checked against the scanned workspace first), and tiers of
/// only the crates every service builds.
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
        var services = context.Builds.Where(unit => unit.Service is not null).ToList();
        foreach (var unit in services)
        {
            ServiceWorkspaceCheck.Require(unit.Service!, scan.Repositories.First(r => r.Id == unit.RepositoryId));
        }

        var warmup = services.Count > 0 ? WarmupStage.PlanShared(scan, services) : WarmupStage.Plan(scan, context.Settings.Shared.Build.Selection());
        foreach (var repository in scan.Repositories)
        {
            // `rustc -vV` is a process of its own, mostly waiting: it runs while the skeletons are built.
            var toolchain = Task.Run(() => context.RustcVerboseVersion(new RustcVersionSettings { WorkingDirectory = repository.RootPath }));
            foreach (var unit in context.Builds.Where(unit => unit.RepositoryId == repository.Id))
            {
                Write(context, repository, unit, toolchain);
            }
        }

        warmup.Write(context);
    }

    /// <summary>One build's recipe: <c>recipes/&lt;id&gt;/</c>, the repository's or a service's.</summary>
    private static void Write(PrewarmContext context, CargoRepository repository, BuildUnit unit, Task<string> toolchain)
    {
        Recipe recipe;
        try
        {
            recipe = SkeletonBuilder.Build(repository, unit.Build.Selection());
        }
        catch
        {
            // The skeleton's error is the one reported, as when it came first; rustc has ended by then.
            Task.WhenAny(toolchain).Wait();
            throw;
        }

        var environment = RecipeArguments.Environment(context, toolchain.GetAwaiter().GetResult(), unit.Build)
            with { NestedToolchains = RecipeArguments.NestedToolchains(context, repository.RootPath, recipe) };
        var written = RecipeArtifacts.Write(context.Artifacts.FullPath, repository, recipe, environment, unit.Build, unit.Id);
        context.Log.Information(
            "Recipe {0}: {1} manifests, {2} dummy crates, recipe {3}, environment {4} (profile {5}) -> {6}",
            unit.Id,
            recipe.Manifests.Count,
            recipe.LocalPackages().Count,
            written.RecipeSha256[..12],
            written.Fingerprint[..12],
            written.Profile,
            context.Layout.RecipeDirectory(unit.Id));
    }
}
