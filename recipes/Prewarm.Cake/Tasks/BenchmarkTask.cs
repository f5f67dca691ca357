using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Benchmark")]
[TaskDescription("Measures cold, warm and subsequent builds and writes report.md, report.json and a chart.")]
public sealed class BenchmarkTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Benchmark");
}
