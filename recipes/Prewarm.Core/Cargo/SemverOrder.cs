namespace Prewarm.Core.Cargo;

/// <summary>Semver precedence, the order cargo writes a name's Cargo.lock entries in: major, minor and
/// patch numerically; a pre-release before its release, its identifiers numerically when both are
/// numbers, a number before a word, words ordinally, fewer before more; build metadata last, ordinally.</summary>
public static class SemverOrder
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static int Compare(string left, string right)
    {
        var (leftCore, leftPre, leftBuild) = Split(left);
        var (rightCore, rightPre, rightBuild) = Split(right);
        var byCore = CompareIdentifiers(leftCore, rightCore);
        if (byCore != 0)
        {
            return byCore;
        }

        var byPre = (leftPre.Length == 0, rightPre.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => CompareIdentifiers(leftPre, rightPre),
        };
        return byPre != 0 ? byPre : string.CompareOrdinal(leftBuild, rightBuild);
    }

    private static (string Core, string Pre, string Build) Split(string version)
    {
        var plus = version.IndexOf('+');
        var build = plus < 0 ? "" : version[(plus + 1)..];
        var withoutBuild = plus < 0 ? version : version[..plus];
        var dash = withoutBuild.IndexOf('-');
        return dash < 0 ? (withoutBuild, "", build) : (withoutBuild[..dash], withoutBuild[(dash + 1)..], build);
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var leftNumber = ulong.TryParse(a[i], out var x);
            var rightNumber = ulong.TryParse(b[i], out var y);
            var order = (leftNumber, rightNumber) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
