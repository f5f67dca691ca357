using Cake.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Warmup")]
[IsDependentOn(typeof(VerifyTask))]
[TaskDescription("The whole pipeline: scan, recipe, Dockerfile, image, verify.")]
public sealed class WarmupTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        context.Log.Information("Warmup complete; artifacts in {0}", context.Artifacts.FullPath);
}
