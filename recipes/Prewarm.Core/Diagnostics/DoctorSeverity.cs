namespace Prewarm.Core.Diagnostics;

public enum DoctorSeverity
{
    Ok,
    Warning,
    Problem,
}
