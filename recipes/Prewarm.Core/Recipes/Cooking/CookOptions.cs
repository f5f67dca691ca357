namespace Prewarm.Core.Recipes.Cooking;

/// <summary>How the skeleton is built; the same settings must be used for the real build
/// afterwards, or cargo compiles the dependencies again.</summary>
public sealed record CookOptions
{
    /// <summary><c>dev</c> (default), <c>release</c> or a custom profile.</summary>
    public string Profile { get; init; } = "dev";

    /// <summary>The <c>--target</c> triple, or null for the host.</summary>
    public string? Target { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Where cargo puts its artifacts; the real build must use the same directory.</summary>
    public required string TargetDirectory { get; init; }

    public bool Offline { get; init; }

    public IReadOnlyList<string> Packages { get; init; } = [];
    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>The directory cargo names after the profile: <c>debug</c> for dev/test, <c>release</c> for release/bench.</summary>
    public string ProfileDirectory => Profile switch
    {
        "dev" or "test" => "debug",
        "release" or "bench" => "release",
        _ => Profile,
    };
}
