using System.Globalization;
using Prewarm.Core.IO;

namespace Prewarm.Core.Diagnostics;

/// <summary>
/// Doctor's cache checks, per directory: it exists, is owned by and writable for the build user,
/// persists (a marker the previous run left is there; this run leaves it again), and its disk has
/// room (each file system reported once).
/// </summary>
public sealed class CacheExamination(ICacheProbe probe)
{
    /// <summary>Left in each cache directory; its content is how many Doctor runs saw it.</summary>
    public const string MarkerFileName = ".prewarm-doctor-marker";

    public IReadOnlyList<DoctorFinding> Examine(IEnumerable<CacheDirectory> directories, int buildUid, int buildGid, double minimumFreeGib)
    {
        var findings = new List<DoctorFinding>();
        var mounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (what, path) in directories)
        {
            if (!Directory.Exists(path))
            {
                findings.Add(DoctorChecks.Missing(what, path));
            }
            else
            {
                var owner = probe.Owner(path);
                findings.Add(DoctorChecks.Ownership(what, path, owner.Uid, owner.Gid, buildUid, buildGid));
                var writable = IsWritable(path);
                findings.Add(DoctorChecks.Writable(what, path, writable));
                findings.Add(DoctorChecks.Persistence(what, path, ReadMarker(path)));
                if (writable)
                {
                    WriteMarker(path);
                }
            }

            var disk = probe.Disk(NearestExisting(path));
            if (mounts.Add(disk.MountedOn))
            {
                findings.Add(DoctorChecks.DiskSpace(disk.MountedOn, disk.AvailableGib, minimumFreeGib));
            }
        }

        return findings;
    }

    /// <summary>The runs recorded by the marker in <paramref name="path"/>, or null when there is none.</summary>
    public static int? ReadMarker(string path)
    {
        var marker = Path.Combine(path, MarkerFileName);
        return File.Exists(marker) && int.TryParse(File.ReadAllText(marker).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var runs)
            ? runs
            : null;
    }

    private static void WriteMarker(string path)
    {
        var runs = (ReadMarker(path) ?? 0) + 1;
        AtomicFile.WriteAllText(Path.Combine(path, MarkerFileName), runs.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    private static bool IsWritable(string path)
    {
        var probeFile = Path.Combine(path, $".prewarm-doctor-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probeFile, string.Empty);
            File.Delete(probeFile);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>df needs an existing path: a missing cache is reported on the disk it would be created on.</summary>
    private static string NearestExisting(string path)
    {
        var directory = new DirectoryInfo(path);
        while (!directory.Exists && directory.Parent is not null)
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
