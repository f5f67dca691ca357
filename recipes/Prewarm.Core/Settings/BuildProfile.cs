using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>The build every stage makes the same: recipe, cook, image and benchmark. One default
/// profile, <c>dev</c> (cargo's own), so what build-env.json records is what the Dockerfile builds.</summary>
public sealed record BuildProfile
{
    public static string DefaultProfile => OptionCatalog.Profile.Value;

    public string Profile { get; init; } = DefaultProfile;

    /// <summary>cargo <c>--target</c> (<c>--rust-target</c>; Cake owns <c>--target</c>), null for the host.</summary>
    public string? RustTarget { get; init; }

    /// <summary>cargo <c>--features</c>, sorted and de-duplicated.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public bool IsRelease => Profile == "release";
}
