using Prewarm.Core.Recipes;

namespace Prewarm.Core.Settings;

/// <summary>The build every stage makes the same: recipe, cook, image and benchmark. One default
/// profile, <c>dev</c> (cargo's own), so what build-env.json records is what the Dockerfile builds.</summary>
public sealed record BuildProfile
{
    public const string DefaultProfile = "dev";

    public string Profile { get; init; } = DefaultProfile;

    /// <summary>cargo <c>--target</c> (<c>--rust-target</c>; Cake owns <c>--target</c>), null for the host.</summary>
    public string? RustTarget { get; init; }

    /// <summary>cargo <c>--features</c>, sorted and de-duplicated.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>cargo <c>--no-default-features</c>.</summary>
    public bool NoDefaultFeatures { get; init; }

    /// <summary>cargo <c>--all-features</c>.</summary>
    public bool AllFeatures { get; init; }

    public bool IsRelease => Profile == "release";

    /// <summary>This run's build identity over the member selection <paramref name="packages"/>/<paramref name="bins"/>.</summary>
    public BuildIdentity Identity(IReadOnlyList<string> packages, IReadOnlyList<string> bins) => new()
    {
        Profile = Profile,
        Target = RustTarget,
        Features = Features,
        NoDefaultFeatures = NoDefaultFeatures,
        AllFeatures = AllFeatures,
        Packages = packages,
        Bins = bins,
    };
}
