using Cake.Frosting;
using Prewarm.Cake.Docker;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// One builder image for the organisation: over every <c>--repo</c>, the warmup tiers and each
/// repository's dependency build compiled into the image's layers. Tagged <c>--builder-tag</c>
/// and with a content tag of its inputs (same inputs, nothing rebuilt); <c>--push</c> pushes both.
/// Repositories build FROM it with <c>--builder-image</c>, or in the same run.
/// </summary>
[TaskName("BuilderImage")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Builds the organisation builder image: the warmup tiers and every repository's dependencies compiled into its layers; repositories build FROM it (--builder-image).")]
public sealed class BuilderImageTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var options = context.Settings.Docker;
        var engine = new DockerEngineSelector(context).Select(options.DockerCli);
        context.Log.Information("Docker: {0}", engine);
        context.BuiltBuilderImage = new OrganisationBuilder(context, options, engine).Build();
        context.Log.Information("Builder image: {0}", context.BuiltBuilderImage);
    }
}
