namespace Prewarm.Core.Cargo;

/// <summary>Cargo's display form of a version requirement (what cargo metadata prints for <c>req</c>):
/// a bare version gains <c>^</c>, operators lose the blank after them, comparators are joined by ", ".</summary>
public static class VersionRequirement
{
    public static string Normalize(string? requirement)
    {
        if (string.IsNullOrWhiteSpace(requirement))
        {
            return "*";
        }

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
