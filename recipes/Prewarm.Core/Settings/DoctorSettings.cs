using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>Doctor: the directories to check (null: the environment's) and the least free disk space.</summary>
public sealed record DoctorSettings
{
    public string? CargoHome { get; init; }

    public string? SccacheDir { get; init; }

    public double MinFreeGb { get; init; } = OptionCatalog.MinFreeGb.Value;

    /// <summary>The owner the caches must have: the build user (<c>uid</c>/<c>gid</c>), the same option
    /// and default as the Dockerfile's user.</summary>
    public int Uid { get; init; } = OptionCatalog.Uid.Value;

    public int Gid { get; init; } = OptionCatalog.Gid.Value;
}
