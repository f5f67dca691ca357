namespace Prewarm.Core.Verification;

/// <summary>Verify's outcome for every repository, against one set of thresholds.</summary>
public sealed record VerificationReport(VerificationThresholds Thresholds, IReadOnlyList<RepositoryVerification> Repositories)
{
    public IReadOnlyList<string> Failures => Repositories.SelectMany(r => r.Failures(Thresholds)).ToArray();

    public bool Passed => Failures.Count == 0;

    /// <summary>Verify's one-line failure (the first missed mark, and how many more are in <paramref name="details"/>), or null when it passed.</summary>
    public string? FailureMessage(string details)
    {
        var failures = Failures;
        if (failures.Count == 0)
        {
            return null;
        }

        var more = failures.Count > 1 ? $" (+{failures.Count - 1} more, see {details})" : string.Empty;
        return $"Verify failed: {failures[0]}{more}";
    }
}
