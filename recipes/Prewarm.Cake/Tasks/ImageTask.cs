using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Image")]
[IsDependentOn(typeof(DockerfileTask))]
[TaskDescription("Builds the builder image with docker buildx (or the engine's BuildKit when buildx is missing).")]
public sealed class ImageTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Image");
}
