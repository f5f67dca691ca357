namespace Prewarm.Core.Settings;

/// <summary>Doctor: the directories to check (null: the environment's) and the least free disk space.</summary>
public sealed record DoctorSettings
{
    public string? CargoHome { get; init; }

    public string? SccacheDir { get; init; }

    public double MinFreeGb { get; init; } = 5;

    /// <summary>The owner the caches must have (<c>uid</c>/<c>gid</c>); null: the user running Doctor.</summary>
    public int? Uid { get; init; }

    public int? Gid { get; init; }
}
