namespace Prewarm.Core.Artifacts;

/// <summary>
/// Where every stage writes under the artifacts directory (<c>--artifacts</c>). The one place that
/// knows the layout, so a stage reading what another wrote never spells a path of its own.
/// </summary>
public sealed class ArtifactsLayout
{
    public const string ScanFile = "scan.json";
    public const string RecipeFile = "recipe.json";
    public const string EnvironmentFile = "build-env.json";
    public const string SkeletonDirectory = "skeleton";
    public const string RecipeManifestFile = "recipe-manifest.json";
    public const string TierListFile = "tiers.json";

    public ArtifactsLayout(string root) => Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public string Root { get; }

    // Scan: the model of every repository and the dependency frequency reports.
    public string ScanDocument => Path.Combine(Root, ScanFile);

    // Recipe: per repository, recipe.json, skeleton/, build-env.json and the stage's manifest.
    public string RecipeDirectory(string repositoryId) => Path.Combine(Root, "recipes", repositoryId);

    public string Recipe(string repositoryId) => Path.Combine(RecipeDirectory(repositoryId), RecipeFile);

    public string BuildEnvironment(string repositoryId) => Path.Combine(RecipeDirectory(repositoryId), EnvironmentFile);

    public string Skeleton(string repositoryId) => Path.Combine(RecipeDirectory(repositoryId), SkeletonDirectory);

    public string SkeletonManifest(string repositoryId) => Path.Combine(Skeleton(repositoryId), "Cargo.toml");

    public string RecipeManifest(string repositoryId) => Path.Combine(RecipeDirectory(repositoryId), RecipeManifestFile);

    // Recipe, across repositories: the layered warmup crates and the order of their tiers.
    public string WarmupRoot => Path.Combine(Root, "warmup");

    public string WarmupTier(string tier) => Path.Combine(WarmupRoot, tier);

    public string WarmupTierList => Path.Combine(WarmupRoot, TierListFile);

    // Dockerfile and Image: per repository.
    public string DockerDirectory(string repositoryId) => Path.Combine(Root, "docker", repositoryId);

    public string Dockerfile(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "Dockerfile");

    /// <summary>What the Dockerfile task rendered (base image, dependency storage, profile, tiers).</summary>
    public string DockerfileRecord(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "dockerfile.json");

    public string BuiltinFrontendDockerfile(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "Dockerfile.builtin-frontend");

    public string Bake(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "docker-bake.json");

    public string BuildContext(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "context");

    public string BuildLog(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "build.log");

    public string BuildMetadata(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "metadata.json");

    public string ImageId(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "image-id");

    public string ImageRecord(string repositoryId) => Path.Combine(DockerDirectory(repositoryId), "image.json");

    /// <summary>The cargo and rustc versions base images were found to hold, by image id (Image, BuilderImage, Doctor).</summary>
    public string ImageToolchains => Path.Combine(Root, "docker", "toolchains.json");

    // Reports of the stand-alone and final tasks.
    public string VerifyDirectory => Path.Combine(Root, "verify");

    /// <summary>One service's own verify report (<c>verify/&lt;id&gt;/</c>), beside the run's.</summary>
    public string ServiceVerifyDirectory(string id) => Path.Combine(VerifyDirectory, id);

    public string DoctorDirectory => Path.Combine(Root, "doctor");

    public string BenchmarkDirectory => Path.Combine(Root, "benchmark");
}
