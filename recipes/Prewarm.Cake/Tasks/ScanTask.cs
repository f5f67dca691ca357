using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Scan")]
[TaskDescription("Scans every --repo for Cargo manifests and lockfiles; writes the dependency frequency report.")]
public sealed class ScanTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Scan");
}
