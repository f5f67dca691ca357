using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Verify")]
[IsDependentOn(typeof(ImageTask))]
[TaskDescription("Proves the warmed crates are there: cargo tree, sccache hit rate, share of fresh dependency units.")]
public sealed class VerifyTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Verify");
}
