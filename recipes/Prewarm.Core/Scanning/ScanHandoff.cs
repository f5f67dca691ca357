namespace Prewarm.Core.Scanning;

/// <summary>The scan.json this process rendered last, with the document it came from: when Recipe runs
/// right after Scan in the same host, reading scan.json back yields that document (its repositories
/// still hold the parsed manifests) instead of deserialising megabytes of JSON and parsing every
/// manifest again. Keyed by the exact bytes, so any other file on disk is read as before.</summary>
internal static class ScanHandoff
{
    // One reference, replaced whole: content and document always belong together, even across threads.
    private static Tuple<ReadOnlyMemory<byte>, ScanDocument>? _last;

    public static void Remember(ReadOnlyMemory<byte> content, ScanDocument document) => _last = Tuple.Create(content, document);

    /// <summary>True when <paramref name="document"/> is the one this process's Scan made (not read from JSON):
    /// its manifests hold the very texts the scan parsed and hashed.</summary>
    public static bool Holds(ScanDocument document) => ReferenceEquals(_last?.Item2, document);

    /// <summary>The document rendered last when the file at <paramref name="path"/> holds exactly its bytes,
    /// else null; compared a block at a time, so the file is never held whole.</summary>
    public static ScanDocument? Find(string path)
    {
        if (_last is not { } last)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.Length != last.Item1.Length)
        {
            return null;
        }

        var expected = last.Item1.Span;
        var block = new byte[64 * 1024];
        var offset = 0;
        while (offset < expected.Length)
        {
            var read = stream.Read(block, 0, Math.Min(block.Length, expected.Length - offset));
            if (read == 0 || !block.AsSpan(0, read).SequenceEqual(expected.Slice(offset, read)))
            {
                return null;
            }

            offset += read;
        }

        return stream.ReadByte() < 0 ? last.Item2 : null;
    }
}
