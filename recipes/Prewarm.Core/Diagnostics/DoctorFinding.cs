namespace Prewarm.Core.Diagnostics;

/// <summary>One diagnosis: what was checked, how it went, and (when not ok) the fix, in one sentence.</summary>
public sealed record DoctorFinding(string Check, DoctorSeverity Severity, string Message);
