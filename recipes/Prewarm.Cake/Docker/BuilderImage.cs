using Prewarm.Core.Verification;

namespace Prewarm.Cake.Docker;

/// <summary>
/// The builder image the Image task left in the engine (<c>docker/&lt;repo-id&gt;/image.json</c>), and
/// what its last build recorded in <c>/build/prewarm/</c>: cargo's JSON messages, cargo tree and
/// sccache's statistics. The target directory is a cache mount, so the record is the proof.
/// </summary>
internal sealed record BuilderImage(string Docker, string Image)
{
    private const string Record = "/build/prewarm";

    public static BuilderImage? Read(DirectoryPath artifacts, string repositoryId)
    {
        var path = new ArtifactPaths(artifacts.FullPath, repositoryId).ImageRecord;
        if (!File.Exists(path))
        {
            return null;
        }

        var record = StageJson.Read<ImageRecord>(path, "Image");
        return new BuilderImage(record.Docker, record.Image) { Recorded = record };
    }

    /// <summary>What the Image task recorded: tags, push, sizes.</summary>
    public ImageRecord? Recorded { get; init; }

    /// <summary>The platform of this image when the Image task built several one by one.</summary>
    public string? Platform { get; init; }

    /// <summary>One image per platform built without buildx (each with its own build record), or this one.</summary>
    public IReadOnlyList<BuilderImage> PerPlatform() =>
        Recorded?.Images is { Count: > 1 } images
            ? images.Select(i => this with { Image = i.Value, Platform = i.Key }).ToList()
            : [this];

    /// <param name="context">Where docker is run from.</param>
    /// <param name="withSccache">Read sccache's statistics too.</param>
    /// <param name="fromBuilder">The image was built FROM an organisation builder image: read what
    /// its skeleton step compiled and what the builder's steps had compiled.</param>
    public BuildObservation ReadBuildRecord(ICakeContext context, bool withSccache, bool fromBuilder = false)
    {
        var settings = new DockerRunSettings { ToolPath = new FilePath(Docker), Platform = Platform };
        string Required(string file) =>
            context.DockerReadFile(Image, $"{Record}/{file}", settings)
            ?? throw new PrewarmException($"{Image}: {Record}/{file} could not be read (is the engine up, and was the image built by this Prewarm's Dockerfile?); re-run --target=Image");

        var tree = CargoTreeParser.Parse(Required("cargo-tree.txt"), $"{Image}:{Record}/cargo-tree.txt");
        var artifacts = CargoMessageParser.ParseArtifacts(Required("build-messages.json"), $"{Image}:{Record}/build-messages.json");
        var stats = withSccache && context.DockerReadFile(Image, $"{Record}/sccache-stats.json", settings) is { Length: > 0 } json
            ? SccacheStatsParser.ParseJson(json, $"{Image}:{Record}/sccache-stats.json")
            : null;
        BuilderSupply? supply = null;
        if (fromBuilder)
        {
            var skeleton = CargoMessageParser.ParseArtifacts(Required("skeleton-messages.json"), $"{Image}:{Record}/skeleton-messages.json");
            var builder = context.DockerReadFiles(Image, $"{Record}/builder/*.json", settings)
                ?? throw new PrewarmException($"{Image}: {Record}/builder/ holds no record of the builder image's steps; was its builder made by the BuilderImage task?");
            supply = BuilderSupply.From(skeleton, CargoMessageParser.ParseArtifacts(builder, $"{Image}:{Record}/builder/*.json"));
        }

        return new BuildObservation(tree, artifacts, stats) { Supply = supply };
    }
}
