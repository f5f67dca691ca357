using System.Buffers;
using System.Text;

namespace Prewarm.Core.Scanning;

/// <summary>The scan.json this process rendered last, with the document it came from: when Recipe runs
/// right after Scan in the same host, reading scan.json back yields that document (its repositories
/// still hold the parsed manifests) instead of deserialising megabytes of JSON and parsing every
/// manifest again. Keyed by the exact text, so any other file on disk is read as before.</summary>
internal static class ScanHandoff
{
    // One reference, replaced whole: text and document always belong together, even across threads.
    private static Tuple<string, ScanDocument>? _last;

    public static void Remember(string text, ScanDocument document) => _last = Tuple.Create(text, document);

    /// <summary>True when <paramref name="document"/> is the one this process's Scan made (not read from JSON):
    /// its manifests hold the very texts the scan parsed and hashed.</summary>
    public static bool Holds(ScanDocument document) => ReferenceEquals(_last?.Item2, document);

    public static ScanDocument? Find(string text) =>
        _last is { } last && string.Equals(last.Item1, text, StringComparison.Ordinal) ? last.Item2 : null;

    /// <summary>The remembered document when the file at <paramref name="path"/> holds exactly its text as
    /// UTF-8, else null (then read the file as text and ask <see cref="Find"/>: a byte-order mark, say).
    /// Compared chunk by chunk as it is decoded: a large scan.json is megabytes, not worth a string.</summary>
    public static ScanDocument? FindFile(string path)
    {
        if (_last is not { } last)
        {
            return null;
        }

        var text = last.Item1.AsSpan();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var position = 0;
            int read;
            do
            {
                read = stream.Read(bytes);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                if (count > text.Length - position || !chars.AsSpan(0, count).SequenceEqual(text.Slice(position, count)))
                {
                    return null;
                }

                position += count;
            }
            while (read > 0);

            return position == text.Length ? last.Item2 : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
