namespace Prewarm.Core.Diagnostics;

/// <summary>One file system as <c>df -Pk</c> reports it, sizes in KiB.</summary>
public sealed record DiskSpace(string FileSystem, long TotalKib, long UsedKib, long AvailableKib, string MountedOn)
{
    public double AvailableGib => AvailableKib / 1024.0 / 1024.0;
}
