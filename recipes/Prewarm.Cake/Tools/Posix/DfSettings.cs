namespace Prewarm.Cake.Tools.Posix;

/// <summary><c>df -Pk</c>: POSIX output in KiB, one line per file system.</summary>
public sealed class DfSettings : ToolSettings
{
}
