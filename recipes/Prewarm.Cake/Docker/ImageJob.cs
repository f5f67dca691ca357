using Prewarm.Core.Settings;

namespace Prewarm.Cake.Docker;

/// <summary>
/// One image for <see cref="ImageBuild"/> to build: where its Dockerfile and outputs are, how its
/// context is staged, its tags, and the repository it comes from (for the OCI labels; none for the
/// organisation's builder image, which is built from many).
/// </summary>
internal sealed record ImageJob(ArtifactPaths Paths, DirectoryPath? Repository, Func<StagingResult> Stage, IReadOnlyList<string> Tags)
{
    /// <summary>Labels beside the OCI ones (the builder image's description of itself).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The repositories (id, directory) whose dependencies the image compiles: their lockfiles and
    /// manifests are checked against the base image's toolchain before building.</summary>
    public IReadOnlyList<(string Id, string Root)> Compiles { get; init; } = [];

    /// <summary>The image of one build of <paramref name="repository"/> (<paramref name="repositoryId"/> as Scan
    /// knows it), kept under <paramref name="paths"/>: the repository's own id, or a service's.</summary>
    public static ImageJob ForRepository(DirectoryPath repository, string repositoryId, ArtifactPaths paths, DockerSettings options, Core.Recipes.BuildIdentity build) =>
        new(paths, repository, () => BuildContextFiles.Stage(repository, paths, build), options.TagsFor(paths.RepositoryId))
        {
            Compiles = [(repositoryId, repository.FullPath)],
        };
}
