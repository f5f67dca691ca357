using Prewarm.Core.Configuration;
using Prewarm.Core.Docker;

namespace Prewarm.Core.Settings;

/// <summary>
/// The Docker concern (Dockerfile, Image, BuilderImage, and Verify/Doctor where they look at images),
/// bound once by <see cref="SettingsBinder.BindDocker"/>: every value here is parsed and checked, so a
/// stage never reads a raw option string.
/// </summary>
public sealed record DockerSettings
{
    public static string DefaultBuilderTag => OptionCatalog.BuilderTag.Value;

    // Dockerfile rendering.
    public string BaseImage { get; init; } = DockerfileOptions.DefaultBaseImage;

    /// <summary>An organisation builder image to build FROM (<c>builder-image</c>).</summary>
    public string? BuilderImage { get; init; }

    /// <summary>Tag of the organisation builder image the BuilderImage task builds.</summary>
    public string BuilderTag { get; init; } = DefaultBuilderTag;

    /// <summary>The build user's ids in the image (<c>uid</c>/<c>gid</c>).</summary>
    public int Uid { get; init; } = DockerfileOptions.DefaultUid;

    public int Gid { get; init; } = DockerfileOptions.DefaultUid;

    public CargoLayout Layout { get; init; } = CargoLayout.CargoHome;

    public DependencyStorage DependencyStorage { get; init; } = DependencyStorage.Image;

    /// <summary>The <c># syntax=</c> frontend image (<c>dockerfile-syntax</c>).</summary>
    public string Syntax { get; init; } = DockerfileOptions.DefaultSyntax;

    /// <summary>Cross-compile on the build platform for each target platform (<c>cross</c>).</summary>
    public bool Cross { get; init; }

    /// <summary>Seed the dependency steps from the previous image's compiled units (<c>seed</c>); null: wherever
    /// the image keeps its target directory in its layers and compiles on its own platform.</summary>
    public bool? Seed { get; init; }

    /// <summary>Whether the Dockerfile seeds: asked for, or by default where it can.</summary>
    public bool Seeds => Seed ?? (!Cross && DependencyStorage == DependencyStorage.Image);

    /// <summary>Absolute directory whose templates override the embedded ones; null for the embedded.</summary>
    public string? Templates { get; init; }

    // Image build.

    /// <summary>Platforms to build; empty means the engine's own.</summary>
    public IReadOnlyList<BuildPlatform> Platforms { get; init; } = [];

    /// <summary>Tags; empty means <c>prewarm/&lt;repo-id&gt;-builder:latest</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<CacheSpec> CacheFrom { get; init; } = [];

    public IReadOnlyList<CacheSpec> CacheTo { get; init; } = [];

    public IReadOnlyList<SecretSpec> Secrets { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> BuildArgs { get; init; } = [];

    public bool Push { get; init; }

    public bool Load { get; init; }

    /// <summary>The buildx builder to use (<c>builder</c>).</summary>
    public string? Builder { get; init; }

    /// <summary>BuildKit progress output: plain, auto, tty or quiet.</summary>
    public string Progress { get; init; } = OptionCatalog.Progress.Value;

    /// <summary>A docker CLI to use instead of searching PATH (<c>docker</c>).</summary>
    public string? DockerCli { get; init; }

    /// <summary>auto, directive or builtin: what the integrated BuildKit does with <c># syntax=</c>
    /// when it cannot get the frontend image.</summary>
    public string Frontend { get; init; } = OptionCatalog.Frontend.Value;

    /// <summary>org.opencontainers.image.version; null for git describe.</summary>
    public string? ImageVersion { get; init; }

    /// <summary>org.opencontainers.image.source; null for the origin remote.</summary>
    public string? SourceUrl { get; init; }

    public IReadOnlyList<string> TagsFor(string repositoryId) =>
        Tags.Count > 0 ? Tags : [$"prewarm/{repositoryId}-builder:latest"];

    /// <summary>What these settings decide of a Dockerfile; the recipe decides the rest (profile, tiers, …).</summary>
    public DockerfileOptions Rendering(string repositoryId) => new()
    {
        RepositoryId = repositoryId,
        BaseImage = BaseImage,
        BuilderImage = BuilderImage,
        Uid = Uid,
        Gid = Gid,
        Layout = Layout,
        DependencyStorage = DependencyStorage,
        Syntax = Syntax,
        Cross = Cross,
        Seed = Seeds,
    };

    public DockerTemplates TemplateSet() => Templates is null ? DockerTemplates.Embedded : DockerTemplates.WithOverrides(Templates);
}
