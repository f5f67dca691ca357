using System.Globalization;

namespace Prewarm.Core.Diagnostics;

/// <summary>Reads <c>df -Pk</c> (POSIX format, 1024-byte blocks): a header, then one line per file
/// system: name, total, used, available, capacity, mount point (which may contain spaces).</summary>
public static class DfParser
{
    public static IReadOnlyList<DiskSpace> Parse(string output, string origin)
    {
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("Filesystem", StringComparison.Ordinal))
        {
            throw new PrewarmException($"{origin}: expected the 'Filesystem …' header of df -P output");
        }

        var result = new List<DiskSpace>();
        for (var index = 1; index < lines.Length; index++)
        {
            var fields = lines[index].Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6
                || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var available))
            {
                throw new PrewarmException($"{origin}: line {index + 1}: expected 'filesystem total used available capacity mount', got '{lines[index]}'");
            }

            result.Add(new DiskSpace(fields[0], total, used, available, fields[5].Trim()));
        }

        return result;
    }
}
