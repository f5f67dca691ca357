using Prewarm.Core.Artifacts;

namespace Prewarm.Cake.Docker;

/// <summary>The artifacts the Dockerfile and Image tasks read and write, as named by
/// <see cref="ArtifactsLayout"/> (the one place that knows the layout).</summary>
internal sealed record ArtifactPaths(string Artifacts, string RepositoryId)
{
    /// <summary>The organisation builder image's Dockerfile, context and records: <c>docker/_builder/</c>
    /// (a name no repository id takes: ids are directory names, and no repository is called so).</summary>
    public static ArtifactPaths Builder(string artifacts) => new(artifacts, "_builder");

    /// <summary>What the builder image holds (tiers, repositories, fingerprint): <c>builder.json</c>, also copied into the image.</summary>
    public string BuilderContents => Path.Combine(DockerDirectory, "builder.json");

    private ArtifactsLayout Layout => new(Artifacts);

    public string Skeleton => Layout.Skeleton(RepositoryId);

    public string WarmupRoot => Layout.WarmupRoot;

    public string DockerDirectory => Layout.DockerDirectory(RepositoryId);

    public string Dockerfile => Layout.Dockerfile(RepositoryId);

    /// <summary>What the Dockerfile task rendered: base image, dependency storage, profile, tiers (<see cref="Core.Docker.DockerfileRecord"/>).</summary>
    public string DockerfileRecord => Layout.DockerfileRecord(RepositoryId);

    /// <summary>The Dockerfile without its syntax directive, for an engine that cannot fetch the frontend.</summary>
    public string BuiltinFrontendDockerfile => Layout.BuiltinFrontendDockerfile(RepositoryId);

    public string Bake => Layout.Bake(RepositoryId);

    public string Context => Layout.BuildContext(RepositoryId);

    public string BuildLog => Layout.BuildLog(RepositoryId);

    public string Metadata => Layout.BuildMetadata(RepositoryId);

    public string ImageId => Layout.ImageId(RepositoryId);

    /// <summary>The image id of one platform's build, when several are built one by one.</summary>
    public string ImageIdFor(Core.Docker.BuildPlatform platform) => Path.Combine(DockerDirectory, $"image-id-{platform.ToString().Replace('/', '-')}");

    /// <summary>The image the engine holds for this repository (<see cref="Core.Docker.ImageRecord"/>), for Verify.</summary>
    public string ImageRecord => Layout.ImageRecord(RepositoryId);

    /// <summary>What the Recipe stage wrote for this repository (profile, tiers, skeleton facts).</summary>
    public string RecipeManifest => Layout.RecipeManifest(RepositoryId);

    /// <summary>The skeleton's root manifest, or a one-line error naming it and the task that makes it.</summary>
    public void RequireSkeleton() => StageArtifact.Require(Layout.SkeletonManifest(RepositoryId), PipelineTasks.Recipe);

    public void RequireDockerfile() => StageArtifact.Require(Dockerfile, PipelineTasks.Dockerfile);
}
