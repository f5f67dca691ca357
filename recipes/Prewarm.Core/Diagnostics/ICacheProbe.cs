
namespace Prewarm.Core.Diagnostics;

/// <summary>What Doctor asks the system tools about a directory (stat and df on POSIX systems).</summary>
public interface ICacheProbe
{
    /// <summary>The numeric owner and group of an existing directory.</summary>
    (int Uid, int Gid) Owner(string path);

    /// <summary>The file system an existing path lies on.</summary>
    DiskSpace Disk(string path);
}
