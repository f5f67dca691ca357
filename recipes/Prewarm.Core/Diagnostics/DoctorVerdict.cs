namespace Prewarm.Core.Diagnostics;

/// <summary>Whether Doctor fails: a problem fails it (one line: the first problem and how many more), a warning does not.</summary>
public static class DoctorVerdict
{
    /// <summary>The failure message, or null when no finding is a problem.</summary>
    public static string? Failure(IReadOnlyList<DoctorFinding> findings)
    {
        var problems = findings.Where(f => f.Severity == DoctorSeverity.Problem).ToArray();
        if (problems.Length == 0)
        {
            return null;
        }

        var more = problems.Length > 1 ? $" (+{problems.Length - 1} more, see doctor.md)" : string.Empty;
        return $"Doctor found {problems.Length} problem(s): {problems[0].Check}: {problems[0].Message}{more}";
    }
}
