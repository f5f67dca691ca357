namespace Prewarm.Core.Scanning;

/// <summary>The scan.json this process rendered last, with the document it came from: when Recipe runs
/// right after Scan in the same host, reading scan.json back yields that document (its repositories
/// still hold the parsed manifests) instead of deserialising megabytes of JSON and parsing every
/// manifest again. Keyed by the exact bytes, so any other file on disk is read as before.</summary>
internal static class ScanHandoff
{
    // One reference, replaced whole: content and document always belong together, even across threads.
    private static Tuple<byte[], ScanDocument>? _last;

    public static void Remember(byte[] content, ScanDocument document) => _last = Tuple.Create(content, document);

    public static ScanDocument? Find(ReadOnlySpan<byte> content) =>
        _last is { } last && content.SequenceEqual(last.Item1) ? last.Item2 : null;
}
