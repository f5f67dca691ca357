using Prewarm.Core.IO;

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

    /// <summary>The document rendered last when the file at <paramref name="path"/> holds exactly its bytes, else null.</summary>
    public static ScanDocument? Find(string path) =>
        _last is { } last && FileContent.Matches(path, last.Item1.Span) ? last.Item2 : null;
}
