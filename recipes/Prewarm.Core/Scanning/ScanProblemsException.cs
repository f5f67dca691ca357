namespace Prewarm.Core.Scanning;

/// <summary>Several problems found in one scan (stale example packages, a missing member, a broken
/// lockfile…): one line each, in the order found, then how many, so one run names every fix. A
/// scan with a single problem throws that problem itself.</summary>
public sealed class ScanProblemsException : PrewarmException
{
    public ScanProblemsException(IReadOnlyList<PrewarmException> problems)
        : base(string.Join("\n", problems.Select(p => p.Message)) + $"\n{problems.Count} problems found")
    {
        Problems = problems;
    }

    public IReadOnlyList<PrewarmException> Problems { get; }

    /// <summary>The one problem itself, or all of them together.</summary>
    public static PrewarmException Of(IReadOnlyList<PrewarmException> problems) =>
        problems.Count == 1 ? problems[0] : new ScanProblemsException(problems.SelectMany(Flatten).ToList());

    private static IEnumerable<PrewarmException> Flatten(PrewarmException problem) =>
        problem is ScanProblemsException several ? several.Problems : [problem];
}
