namespace Prewarm.Core.Warmup;

/// <summary>Cargo's semver compatibility line: <c>1.4.2</c> and <c>^1.0</c> are on line <c>1</c>,
/// <c>0.4.17</c> on <c>0.4</c>, <c>0.0.3</c> on <c>0.0.3</c>. One crate can hold one version per line.</summary>
public static class CompatibilityLine
{
    // Scan and Recipe ask for the line of the same few versions and requirements once per dependency
    // of every package: each distinct string is worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Lines = new(StringComparer.Ordinal);
    private static readonly char[] Operators = ['^', '~', '=', ' ', '>', '<'];
    private static readonly char[] CoreEnd = ['-', '+', ',', ' '];

    public static string Of(string versionOrRequirement) => Lines.GetOrAdd(versionOrRequirement, Compute);

    private static string Compute(string versionOrRequirement)
    {
        var text = versionOrRequirement.TrimStart(Operators);
        var core = text.Split(CoreEnd)[0];
        var parts = core.Split('.').Select(p => int.TryParse(p, out var n) ? n : (int?)null).ToArray();
        var major = parts.ElementAtOrDefault(0) ?? 0;
        var minor = parts.ElementAtOrDefault(1);
        var patch = parts.ElementAtOrDefault(2);
        return major > 0 ? $"{major}"
            : minor is > 0 ? $"0.{minor}"
            : minor is null ? "0"
            : patch is null ? "0.0" : $"0.0.{patch}";
    }

    /// <summary>True for <c>1.0.0</c> and later without a pre-release tag: crates that change rarely.</summary>
    public static bool IsStable(string version) =>
        !version.Contains('-') && int.TryParse(version.Split('.')[0], out var major) && major >= 1;

    /// <summary>Orders versions numerically (1.10.0 after 1.9.0); pre-release tags compare ordinally.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.Split('-', '+')[0].Split('.');
        var b = right.Split('-', '+')[0].Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length && long.TryParse(a[i], out var p) ? p : 0;
            var y = i < b.Length && long.TryParse(b[i], out var q) ? q : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return string.CompareOrdinal(left, right);
    }
}
