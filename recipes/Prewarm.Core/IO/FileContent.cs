using System.Buffers;

namespace Prewarm.Core.IO;

/// <summary>Whole-file reads and writes by handle, for trees of thousands of small files: no
/// <see cref="FileStream"/> buffer, one open per file, and the size compared before any byte is read.</summary>
internal static class FileContent
{
    // Skeleton files are a few hundred bytes: one block holds them; a large file is compared in blocks.
    private const int BlockSize = 64 * 1024;

    /// <summary>True when the file at <paramref name="path"/> holds exactly <paramref name="expected"/>.
    /// Errors (missing, unreadable) surface as <see cref="File.ReadAllBytes(string)"/>'s would. Compared a
    /// block at a time, so a file of megabytes (scan.json) is never held whole.</summary>
    public static bool Matches(string path, ReadOnlySpan<byte> expected)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (RandomAccess.GetLength(handle) != expected.Length)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(expected.Length, 1, BlockSize));
        try
        {
            var offset = 0;
            while (offset < expected.Length)
            {
                var block = buffer.AsSpan(0, Math.Min(buffer.Length, expected.Length - offset));
                var read = RandomAccess.Read(handle, block, offset);
                if (read == 0 || !block[..read].SequenceEqual(expected.Slice(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><see cref="Matches"/>, and false when there is no such file (as <see cref="File.Exists"/>
    /// would say: nothing there, or a directory); an unreadable file is still an error.</summary>
    public static bool MatchesIfPresent(string path, ReadOnlySpan<byte> expected)
    {
        try
        {
            return Matches(path, expected);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            return false;
        }
    }

    /// <summary>Creates or truncates <paramref name="path"/> with <paramref name="content"/>, as
    /// <see cref="File.WriteAllBytes(string, byte[])"/> does; with <paramref name="lastWriteUtc"/>, the file
    /// gets that modification time (set on the open handle, no second lookup of the path).</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, DateTime? lastWriteUtc)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, content, 0);
        if (lastWriteUtc is { } time)
        {
            File.SetLastWriteTimeUtc(handle, time);
        }
    }
}
