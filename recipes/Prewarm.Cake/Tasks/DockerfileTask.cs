using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Dockerfile")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Renders the builder Dockerfile with BuildKit cache mounts from templates/.")]
public sealed class DockerfileTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Dockerfile");
}
