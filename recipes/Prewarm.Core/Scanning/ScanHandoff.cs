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
}
