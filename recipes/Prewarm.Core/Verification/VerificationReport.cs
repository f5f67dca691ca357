namespace Prewarm.Core.Verification;

/// <summary>Verify's outcome for every repository, against one set of thresholds.</summary>
public sealed record VerificationReport(VerificationThresholds Thresholds, IReadOnlyList<RepositoryVerification> Repositories)
{
    public IReadOnlyList<string> Failures => Repositories.SelectMany(r => r.Failures(Thresholds)).ToArray();

    public bool Passed => Failures.Count == 0;
}
