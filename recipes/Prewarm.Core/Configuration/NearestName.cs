namespace Prewarm.Core.Configuration;

/// <summary>
/// The known name a misspelt one most likely meant, for "did you mean …?": the closest by edit
/// distance (case ignored) within a third of the name's length, else one that ends with or starts
/// with the given name (<c>layout</c> → <c>cargo-layout</c>). Null when nothing is close.
/// </summary>
public static class NearestName
{
    public static string? Find(string name, IEnumerable<string> known)
    {
        var candidates = known.Distinct(StringComparer.Ordinal).ToList();
        var lower = name.ToLowerInvariant();
        var limit = Math.Max(1, lower.Length / 3);
        var closest = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(lower, candidate.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
        return closest ?? (lower.Length < 3 ? null : candidates
            .Where(c => c.EndsWith(lower, StringComparison.OrdinalIgnoreCase) || c.StartsWith(lower, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Length)
            .ThenBy(c => c, StringComparer.Ordinal)
            .FirstOrDefault());
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
