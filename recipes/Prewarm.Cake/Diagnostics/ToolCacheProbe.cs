using Cake.Core;
using Prewarm.Cake.Tools.Posix;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Diagnostics;

/// <summary>Doctor's questions about a directory, answered by stat and df.</summary>
internal sealed class ToolCacheProbe(ICakeContext context) : ICacheProbe
{
    private readonly StatTool _stat = StatTool.For(context);
    private readonly DfTool _df = DfTool.For(context);

    public (int Uid, int Gid) Owner(string path) => _stat.Owner(path, new StatSettings());

    public DiskSpace Disk(string path) => _df.Usage(path, new DfSettings());
}
