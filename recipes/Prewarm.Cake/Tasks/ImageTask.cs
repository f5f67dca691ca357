using Cake.Frosting;
using Prewarm.Cake.Docker;

namespace Prewarm.Cake.Tasks;

[TaskName("Image")]
[IsDependentOn(typeof(DockerfileTask))]
[TaskDescription("Builds the builder image with docker buildx (or the engine's BuildKit when buildx is missing).")]
public sealed class ImageTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var options = context.Settings.Docker;
        foreach (var unit in context.Builds)
        {
            new ArtifactPaths(context.Artifacts.FullPath, unit.Id).RequireDockerfile();
        }

        var engine = new DockerEngineSelector(context).Select(options.DockerCli);
        context.Log.Information("Docker: {0}", engine);
        foreach (var unit in context.Builds)
        {
            // Each build its own tags: the run's --tag, or a service's tag key.
            new ImageBuild(context, options with { Tags = unit.Tags }, engine).Run(unit, new ArtifactPaths(context.Artifacts.FullPath, unit.Id));
        }
    }
}
