using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Doctor")]
[TaskDescription("Diagnoses cache ownership, cache persistence, disk space and missing tools, naming the fix.")]
public sealed class DoctorTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context) =>
        throw new PrewarmUnavailableException("Doctor");
}
