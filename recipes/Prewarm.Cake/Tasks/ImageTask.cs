using Cake.Frosting;
using Prewarm.Cake.Docker;
using Prewarm.Cake.Support;

namespace Prewarm.Cake.Tasks;

[TaskName("Image")]
[IsDependentOn(typeof(DockerfileTask))]
[TaskDescription("Builds the builder image with docker buildx (or the engine's BuildKit when buildx is missing).")]
public sealed class ImageTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var options = context.Settings.Docker;
        var ids = RepositoryIds.Assign(context.Repositories.Select(r => r.FullPath));
        for (var i = 0; i < ids.Count; i++)
        {
            new ArtifactPaths(context.Artifacts.FullPath, ids[i]).RequireDockerfile();
        }

        var engine = new DockerEngineSelector(context).Select(options.DockerCli);
        context.Log.Information("Docker: {0}", engine);
        for (var i = 0; i < ids.Count; i++)
        {
            new ImageBuild(context, options, engine).Run(context.Repositories[i], new ArtifactPaths(context.Artifacts.FullPath, ids[i]), context.Settings.Shared.Build);
        }
    }
}
