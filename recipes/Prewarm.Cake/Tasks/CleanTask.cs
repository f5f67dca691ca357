using Cake.Common.IO;
using Cake.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Clean")]
[TaskDescription("Deletes the artifacts directory.")]
public sealed class CleanTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        if (context.DirectoryExists(context.Artifacts))
        {
            context.DeleteDirectory(context.Artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }
}
