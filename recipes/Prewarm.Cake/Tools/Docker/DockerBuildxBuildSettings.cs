namespace Prewarm.Cake.Tools.Docker;

/// <summary>
/// One image build: everything <c>docker buildx build</c> is told. The integrated-BuildKit
/// fallback takes the same settings and drops, loudly, what it cannot do.
/// </summary>
public sealed class DockerBuildxBuildSettings : ToolSettings
{
    /// <summary>The build context directory (the last argument).</summary>
    public required DirectoryPath Context { get; set; }

    /// <summary><c>--file</c>: the Dockerfile.</summary>
    public FilePath? File { get; set; }

    /// <summary><c>--target</c>: the stage to build.</summary>
    public string? Target { get; set; }

    /// <summary><c>--platform</c>, joined with commas.</summary>
    public List<BuildPlatform> Platforms { get; set; } = [];

    /// <summary><c>--tag</c>, repeated.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>--label</c>, repeated, in ordinal key order.</summary>
    public SortedDictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>--build-arg</c>, repeated, in ordinal key order. Never secrets: see <see cref="Secrets"/>.</summary>
    public SortedDictionary<string, string> BuildArgs { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>--secret</c>, repeated; redacted wherever the command line is logged.</summary>
    public List<SecretSpec> Secrets { get; set; } = [];

    /// <summary><c>--cache-from</c>, repeated.</summary>
    public List<CacheSpec> CacheFrom { get; set; } = [];

    /// <summary><c>--cache-to</c>, repeated.</summary>
    public List<CacheSpec> CacheTo { get; set; } = [];

    /// <summary><c>--push</c>: push the image to its registry.</summary>
    public bool Push { get; set; }

    /// <summary><c>--load</c>: load the image into the engine's image store.</summary>
    public bool Load { get; set; }

    /// <summary><c>--builder</c>: the buildx builder instance.</summary>
    public string? Builder { get; set; }

    /// <summary><c>--progress</c>: auto, plain, tty or quiet. Plain is what the Image task parses.</summary>
    public string? Progress { get; set; } = "plain";

    /// <summary><c>--metadata-file</c>: where buildx writes the build result (digest, image name).</summary>
    public FilePath? MetadataFile { get; set; }

    /// <summary><c>--iidfile</c>: where the image id is written (the fallback's metadata source).</summary>
    public FilePath? ImageIdFile { get; set; }
}
