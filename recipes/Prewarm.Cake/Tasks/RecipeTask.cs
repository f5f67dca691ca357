using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Recipe")]
[IsDependentOn(typeof(ScanTask))]
[TaskDescription("Writes a deterministic cargo-chef-compatible recipe and skeleton per repository, and the layered warmup crates.")]
public sealed class RecipeTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Recipe");
}
