using System.Text;

namespace Prewarm.Core.IO;

/// <summary>
/// Writes files so a reader (or a crashed run) never sees half of one: the content goes to a
/// temporary file beside the target and is renamed over it, which is atomic on one file system.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Utf8NoBom.GetBytes(content));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes several files as one unit: all are staged first, then renamed into place,
    /// so a failure while staging (full disk, permission denied) leaves none of them changed.</summary>
    public static void WriteAll(IEnumerable<KeyValuePair<string, string>> files)
    {
        var staged = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var full = Path.GetFullPath(path);
                var directory = Path.GetDirectoryName(full)!;
                Directory.CreateDirectory(directory);
                var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, full));
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(Utf8NoBom.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            staged.ForEach(s => TryDelete(s.Temporary));
            throw;
        }

        foreach (var (temporary, target) in staged)
        {
            File.Move(temporary, target, overwrite: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
