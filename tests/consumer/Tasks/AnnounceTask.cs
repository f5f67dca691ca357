using Cake.Core.Diagnostics;
using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Cake.Tasks;

namespace Consumer.Tasks;

/// <summary>The team's own step, hooked into Prewarm's graph: it runs before Warmup completes.</summary>
[TaskName("Announce")]
[IsDependeeOf(typeof(WarmupTask))]
[TaskDescription("Writes announce.txt into the artifacts directory before Warmup finishes.")]
public sealed class AnnounceTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        Directory.CreateDirectory(context.Artifacts.FullPath);
        File.WriteAllText(Path.Combine(context.Artifacts.FullPath, "announce.txt"), $"repos={context.Repositories.Count}\n");
        context.Log.Information("Announced {0} repositories", context.Repositories.Count);
    }
}
