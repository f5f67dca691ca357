using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Cook")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Builds each repository's skeleton with cargo on this machine so real builds find every dependency compiled.")]
public sealed class CookTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Cook");
}
