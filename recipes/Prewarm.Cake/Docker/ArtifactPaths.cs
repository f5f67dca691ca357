using Prewarm.Core;

namespace Prewarm.Cake.Docker;

/// <summary>The artifacts the Dockerfile and Image tasks read and write (see the brief's layout).</summary>
internal sealed record ArtifactPaths(string Artifacts, string RepositoryId)
{
    /// <summary>The organisation builder image's Dockerfile, context and records: <c>docker/_builder/</c>
    /// (a name no repository id takes: ids are directory names, and no repository is called so).</summary>
    public static ArtifactPaths Builder(string artifacts) => new(artifacts, "_builder");

    /// <summary>What the builder image holds (tiers, repositories, fingerprint): <c>builder.json</c>, also copied into the image.</summary>
    public string BuilderContents => Path.Combine(DockerDirectory, "builder.json");

    public string Skeleton => Path.Combine(Artifacts, "recipes", RepositoryId, "skeleton");

    public string WarmupRoot => Path.Combine(Artifacts, "warmup");

    public string DockerDirectory => Path.Combine(Artifacts, "docker", RepositoryId);

    public string Dockerfile => Path.Combine(DockerDirectory, "Dockerfile");

    /// <summary>What the Dockerfile task rendered: base image, dependency storage, profile, tiers (<see cref="Core.Docker.DockerfileRecord"/>).</summary>
    public string DockerfileRecord => Path.Combine(DockerDirectory, "dockerfile.json");

    /// <summary>The Dockerfile without its syntax directive, for an engine that cannot fetch the frontend.</summary>
    public string BuiltinFrontendDockerfile => Path.Combine(DockerDirectory, "Dockerfile.builtin-frontend");

    public string Bake => Path.Combine(DockerDirectory, "docker-bake.json");

    public string Context => Path.Combine(DockerDirectory, "context");

    public string BuildLog => Path.Combine(DockerDirectory, "build.log");

    public string Metadata => Path.Combine(DockerDirectory, "metadata.json");

    public string ImageId => Path.Combine(DockerDirectory, "image-id");

    /// <summary>The image id of one platform's build, when several are built one by one.</summary>
    public string ImageIdFor(Core.Docker.BuildPlatform platform) => Path.Combine(DockerDirectory, $"image-id-{platform.ToString().Replace('/', '-')}");

    /// <summary>The image the engine holds for this repository (<see cref="Core.Docker.ImageRecord"/>), for Verify.</summary>
    public string ImageRecord => Path.Combine(DockerDirectory, "image.json");

    /// <summary>The skeleton's root manifest, or a one-line error naming it and the task that makes it.</summary>
    public void RequireSkeleton()
    {
        var manifest = Path.Combine(Skeleton, "Cargo.toml");
        if (!File.Exists(manifest))
        {
            throw new PrewarmException($"{manifest} not found: the Recipe task writes it (run --target=Recipe, or drop --exclusive).");
        }
    }

    public void RequireDockerfile()
    {
        if (!File.Exists(Dockerfile))
        {
            throw new PrewarmException($"{Dockerfile} not found: the Dockerfile task writes it (run --target=Dockerfile, or drop --exclusive).");
        }
    }
}
