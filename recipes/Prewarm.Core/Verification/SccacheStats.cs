namespace Prewarm.Core.Verification;

/// <summary>
/// What <c>sccache --show-stats</c> reported, in a shape common to every sccache version:
/// hits and misses per language (as sccache names them, e.g. "Rust"), and why calls were not
/// cached. Counters a version does not print are absent, not zero.
/// </summary>
public sealed record SccacheStats(
    IReadOnlyDictionary<string, long> HitsByLanguage,
    IReadOnlyDictionary<string, long> MissesByLanguage,
    IReadOnlyDictionary<string, long> NotCachedReasons,
    long TotalHits,
    long TotalMisses,
    long? CompileRequests,
    long? NonCacheableCalls,
    string? Version,
    string? CacheLocation)
{
    /// <summary>hits / (hits + misses) over every language, in percent; null when nothing was looked up.</summary>
    public double? HitRatePercent => Rate(TotalHits, TotalMisses);

    /// <summary>Every language that had a hit or a miss, ordinal order.</summary>
    public IReadOnlyList<string> Languages =>
        HitsByLanguage.Keys.Concat(MissesByLanguage.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

    public double? HitRatePercentFor(string language) =>
        Rate(HitsByLanguage.GetValueOrDefault(language), MissesByLanguage.GetValueOrDefault(language));

    private static double? Rate(long hits, long misses) => hits + misses == 0 ? null : 100.0 * hits / (hits + misses);
}
