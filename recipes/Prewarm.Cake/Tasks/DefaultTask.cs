using Cake.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Default")]
[IsDependentOn(typeof(WarmupTask))]
[TaskDescription("Runs Warmup.")]
public sealed class DefaultTask : FrostingTask<PrewarmContext>;
