using System.Text;

namespace Prewarm.Core.IO;

/// <summary>
/// Writes files so a reader (or a crashed run) never sees half of one: the content goes to a
/// temporary file beside the target and is renamed over it, which is atomic on one file system.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Writes in progress, and whether the process is being interrupted (see Stop).
    private static readonly object Gate = new();
    private static int _writing;
    private static bool _stopped;

    /// <summary>For an interrupt handler: lets the writes in progress finish (for at most
    /// <paramref name="drain"/>) and refuses new ones, so a process terminated right after leaves
    /// neither half a file nor a stray temporary beside it.</summary>
    public static void Stop(TimeSpan drain)
    {
        var deadline = DateTime.UtcNow + drain;
        lock (Gate)
        {
            _stopped = true;
            while (_writing > 0 && deadline - DateTime.UtcNow is { Ticks: > 0 } remaining)
            {
                Monitor.Wait(Gate, remaining);
            }
        }
    }

    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Utf8NoBom.GetBytes(content));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Begin(full);
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
        finally
        {
            End();
        }
    }

    /// <summary>Writes several files as one unit: all are staged first, then renamed into place,
    /// so a failure while staging (full disk, permission denied) leaves none of them changed.</summary>
    public static void WriteAll(IEnumerable<KeyValuePair<string, string>> files) =>
        WriteAllBytes(files.Select(f => KeyValuePair.Create(f.Key, (ReadOnlyMemory<byte>)Utf8NoBom.GetBytes(f.Value))));

    /// <summary>As <see cref="WriteAll(IEnumerable{KeyValuePair{string, string}})"/>, for content already encoded.</summary>
    public static void WriteAllBytes(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> files)
    {
        Begin("the outputs");
        try
        {
            WriteStaged(files);
        }
        finally
        {
            End();
        }
    }

    private static void WriteStaged(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> files)
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
                stream.Write(content.Span);
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

    private static void Begin(string what)
    {
        lock (Gate)
        {
            if (_stopped)
            {
                throw new PrewarmException($"{what}: not written, the run was interrupted");
            }

            _writing++;
        }
    }

    private static void End()
    {
        lock (Gate)
        {
            _writing--;
            Monitor.PulseAll(Gate);
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
