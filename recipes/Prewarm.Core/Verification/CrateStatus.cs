namespace Prewarm.Core.Verification;

public enum CrateStatus
{
    Present,
    OtherVersion,
    Missing,
}
