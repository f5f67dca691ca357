using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tools.Posix;

/// <summary>POSIX file-system questions from a Cake script; a failed command throws one line naming it.</summary>
[CakeAliasCategory("Posix")]
public static class PosixAliases
{
    /// <summary><c>df -Pk PATH</c>: the free space of the file system <paramref name="path"/> (which must exist) lies on.</summary>
    [CakeMethodAlias]
    public static DiskSpace DfUsage(this ICakeContext context, string path, DfSettings? settings = null) =>
        new DfTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Usage(path, settings ?? new DfSettings());

    /// <summary><c>stat -c '%u %g' PATH</c>: the numeric owner and group of <paramref name="path"/>.</summary>
    [CakeMethodAlias]
    public static (int Uid, int Gid) StatOwner(this ICakeContext context, string path, StatSettings? settings = null) =>
        new StatTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Owner(path, settings ?? new StatSettings());
}
