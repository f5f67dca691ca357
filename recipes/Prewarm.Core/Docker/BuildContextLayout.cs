namespace Prewarm.Core.Docker;

/// <summary>
/// The one build context the Image task stages (the engine's integrated BuildKit cannot take
/// several with --build-context). The rendered Dockerfile COPYs from these paths.
/// </summary>
public static class BuildContextLayout
{
    public const string Warmup = "prewarm/warmup";
    public const string Skeleton = "prewarm/skeleton";
    public const string CargoConfig = "prewarm/cargo/config.toml";
    public const string Source = "source";

    /// <summary>The builder image's context: each repository's skeleton under its id.</summary>
    public const string Skeletons = "prewarm/skeletons";

    /// <summary>The builder image's description of itself (<see cref="BuilderContents"/>).</summary>
    public const string BuilderContents = "prewarm/builder.json";

    /// <summary>Directories never copied from the repository into <see cref="Source"/>: build
    /// output, VCS metadata, and the artifacts (which would otherwise contain themselves).</summary>
    public static IReadOnlyList<string> ExcludedDirectoryNames { get; } = [".git", "target"];
}
