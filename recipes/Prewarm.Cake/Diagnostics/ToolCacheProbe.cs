using Prewarm.Cake.Tools.Posix;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Diagnostics;

/// <summary>Doctor's questions about a directory, answered by stat and df.</summary>
internal sealed class ToolCacheProbe(ICakeContext context) : ICacheProbe
{
    public (int Uid, int Gid) Owner(string path) => context.StatOwner(path);

    public DiskSpace Disk(string path) => context.DfUsage(path);
}
