using Cake.Frosting;
using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Builds each repository's skeleton (<c>recipes/&lt;repo-id&gt;/skeleton</c>; each declared service's,
/// <c>recipes/&lt;repo-id&gt;.&lt;service&gt;/skeleton</c>) with cargo into the
/// repository's target directory, then deletes what was compiled from the dummy sources, so the
/// next real build compiles only the repository's own crates. Reports drift between the
/// environment the recipe was made for (<c>build-env.json</c>) and this build's.
/// Arguments as for Recipe, plus <c>--target-dir=DIR</c> (default &lt;repo&gt;/target) and <c>--offline</c>.
/// </summary>
[TaskName("Cook")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Builds each repository's skeleton with cargo on this machine so real builds find every dependency compiled.")]
public sealed class CookTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        foreach (var unit in context.Builds)
        {
            var id = unit.Id;
            var inputs = CookInputs.Read(context.Layout, id, unit.Build);
            var toolchain = context.RustcVerboseVersion(new RustcVersionSettings { WorkingDirectory = inputs.Skeleton });
            var environment = RecipeArguments.Environment(context, toolchain, unit.Build)
                with { NestedToolchains = RecipeArguments.NestedToolchains(context, inputs.Skeleton, inputs.Recipe) };
            foreach (var drift in inputs.Drift(environment))
            {
                context.Log.Warning("Cook {0}: drift from {1}: {2}", id, inputs.EnvironmentFile, drift);
            }

            var options = RecipeArguments.Cook(context, new DirectoryPath(unit.Repository), inputs.Build);
            foreach (var step in CookPlan.Steps(inputs.Recipe, inputs.Skeleton, options))
            {
                context.Log.Information("Cook {0}: cargo build {1} ({2}) into {3}", id, step.Manifest, string.Join(" ", options.Build.CargoArguments(Prewarm.Core.Recipes.CargoStep.Build)), options.TargetDirectory);
                context.CargoBuild(CookBuild.Settings(step));
            }

            var dummies = inputs.Recipe.LocalPackages();
            var removed = DummyArtifacts.Remove(options, dummies);
            context.Log.Information("Cook {0}: dependencies compiled; removed {1} artifacts of the dummy crates {2}", id, removed, string.Join(", ", dummies));
        }
    }
}
