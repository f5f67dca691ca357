using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Prewarm.Core.Verification;

/// <summary>
/// Reads <c>sccache --show-stats</c> output leniently, because its shape changes between versions:
/// 0.4 prints <c>{"stats":{"cache_hits":{"counts":{"Rust":4}},…,"not_cached":{…}},"cache_location":…}</c>;
/// later versions add <c>version</c>, <c>adv_counts</c>, <c>basedirs</c> and more. Unknown fields are
/// ignored; a counter may be a map per language, a <c>{"counts":…}</c> wrapper or a plain number.
/// The human-readable text format is the fallback for versions without <c>--stats-format</c>.
/// </summary>
public static partial class SccacheStatsParser
{
    private const string AllLanguages = "all";

    public static SccacheStats ParseJson(string json, string origin)
    {
        using (var document = ToolOutputJson.Parse(json, origin, "not JSON sccache statistics"))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PrewarmException($"{origin}: expected a JSON object of sccache statistics");
            }

            var stats = root.TryGetProperty("stats", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
            if (!stats.TryGetProperty("cache_hits", out _) && !stats.TryGetProperty("cache_misses", out _))
            {
                throw new PrewarmException($"{origin}: no cache_hits or cache_misses in the sccache statistics");
            }

            var hits = ReadCounts(stats, "cache_hits");
            var misses = ReadCounts(stats, "cache_misses");
            return new SccacheStats(
                hits,
                misses,
                ReadCounts(stats, "not_cached"),
                hits.Values.Sum(),
                misses.Values.Sum(),
                ReadNumber(stats, "compile_requests"),
                ReadNumber(stats, "requests_not_cacheable"),
                ReadString(root, "version") ?? ReadString(stats, "version"),
                ReadString(root, "cache_location") ?? ReadString(stats, "cache_location"));
        }
    }

    /// <summary>Parses the text table: "Cache hits (Rust)   4", "Non-cacheable reasons:" section, ….</summary>
    public static SccacheStats ParseText(string text, string origin)
    {
        var hits = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var misses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long? totalHits = null, totalMisses = null, requests = null, notCacheable = null;
        string? location = null;
        var inReasons = false;

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                inReasons = false;
                continue;
            }

            if (line.StartsWith("Non-cacheable reasons", StringComparison.Ordinal))
            {
                inReasons = true;
                continue;
            }

            var row = Row().Match(line);
            if (!row.Success)
            {
                continue;
            }

            var label = row.Groups["label"].Value.Trim();
            var value = row.Groups["value"].Value.Trim();
            if (label == "Cache location")
            {
                location = value;
                continue;
            }

            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            if (inReasons)
            {
                reasons[label] = number;
                continue;
            }

            var language = Language().Match(label);
            var key = language.Success ? language.Groups["key"].Value : label;
            var lang = language.Success ? language.Groups["lang"].Value : null;
            switch (key)
            {
                case "Cache hits":
                    Count(hits, lang, number, ref totalHits);
                    break;
                case "Cache misses":
                    Count(misses, lang, number, ref totalMisses);
                    break;
                case "Compile requests":
                    requests = number;
                    break;
                case "Non-cacheable calls":
                    notCacheable = number;
                    break;
            }
        }

        if (totalHits is null && totalMisses is null && hits.Count == 0 && misses.Count == 0)
        {
            throw new PrewarmException($"{origin}: no 'Cache hits' or 'Cache misses' line in the sccache statistics");
        }

        // A total without a per-language breakdown still counts.
        if (hits.Count == 0 && totalHits > 0)
        {
            hits[AllLanguages] = totalHits.Value;
        }

        if (misses.Count == 0 && totalMisses > 0)
        {
            misses[AllLanguages] = totalMisses.Value;
        }

        return new SccacheStats(
            hits, misses, reasons,
            totalHits ?? hits.Values.Sum(),
            totalMisses ?? misses.Values.Sum(),
            requests, notCacheable, Version: null, location);
    }

    /// <summary>A "Cache hits"/"Cache misses" row: the total without a language, else that language's count.</summary>
    private static void Count(SortedDictionary<string, long> byLanguage, string? language, long number, ref long? total)
    {
        if (language is null)
        {
            total = number;
        }
        else
        {
            byLanguage[language] = number;
        }
    }

    private static SortedDictionary<string, long> ReadCounts(JsonElement stats, string name)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (!stats.TryGetProperty(name, out var element))
        {
            return counts;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var total) && total > 0)
            {
                counts[AllLanguages] = total;
            }

            return counts;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return counts;
        }

        // {"counts":{…}} (0.4 and later); "adv_counts" only when "counts" is missing: it splits
        // the same numbers finer (e.g. by C compiler), adding both would count twice.
        if (element.TryGetProperty("counts", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            element = wrapped;
        }
        else if (element.TryGetProperty("adv_counts", out var advanced) && advanced.ValueKind == JsonValueKind.Object)
        {
            element = advanced;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var count))
            {
                counts[property.Name] = count;
            }
        }

        return counts;
    }

    private static long? ReadNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Label and value are separated by two or more spaces (labels themselves have single spaces).
    [GeneratedRegex(@"^(?<label>\S.*?)\s{2,}(?<value>\S.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^(?<key>.+?) \((?<lang>[^()]+)\)$")]
    private static partial Regex Language();
}
