namespace Prewarm.Core.Cargo;

/// <summary>Cargo's display form of a version requirement (what cargo metadata prints for <c>req</c>):
/// a bare version gains <c>^</c>, operators lose the blank after them, comparators are joined by ", ".</summary>
public static class VersionRequirement
{
    // A scan normalizes the same few requirements for thousands of dependencies: each once per thread
    // (no lock; scans read packages on several), and one string for all that share it.
    private const int MaximumRemembered = 4096;

    [ThreadStatic]
    private static Dictionary<string, string>? _normalized;

    public static string Normalize(string? requirement)
    {
        if (string.IsNullOrWhiteSpace(requirement))
        {
            return "*";
        }

        var normalized = _normalized ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!normalized.TryGetValue(requirement, out var result))
        {
            result = NormalizeNew(requirement);
            if (normalized.Count < MaximumRemembered)
            {
                normalized.Add(requirement, result);
            }
        }

        return result;
    }

    private static string NormalizeNew(string requirement)
    {
        var comparators = requirement.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(NormalizeComparator);
        return string.Join(", ", comparators);
    }

    private static string NormalizeComparator(string comparator)
    {
        var operatorLength = 0;
        while (operatorLength < comparator.Length && "=<>~^".Contains(comparator[operatorLength]))
        {
            operatorLength++;
        }

        var op = comparator[..operatorLength];
        var version = comparator[operatorLength..].Trim();
        if (version is "*" or "x" or "X")
        {
            return op.Length == 0 ? "*" : op + version;
        }

        // A version with a wildcard part ("1.*") has no implied caret.
        var wildcard = version.Split('.').Any(p => p is "*" or "x" or "X");
        return op.Length == 0 && !wildcard ? "^" + version : op + version;
    }
}
