using System.Text.Json;
using Prewarm.Core.Docker;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Docker;

/// <summary>
/// What every Docker end-to-end fixture shares: the engine (and, for a fixture that pushes, the local
/// registry) must answer — skipped where it does not, failed where CI requires Docker
/// (PREWARM_REQUIRE_DOCKER=1) —, a work directory with the artifacts folder in it, a build user id of
/// the run's own, and, at the end, the work directory deleted and the images the fixture named removed.
/// A fixture calls <see cref="StartAsync"/> first in its own [OneTimeSetUp]. Each is a fixture that runs
/// alone (the attributes below are inherited); each names its own [Category("Docker")].
/// </summary>
[TestFixture]
[NonParallelizable]
public abstract class DockerEndToEndFixture
{
    /// <summary>The catalog the bundled example is warmed with: fixed, so a crate the repository adds
    /// later is not pulled into a tier.</summary>
    protected const string ShopTiers = """
        {"tiers": {"core": ["serde", "serde_json", "anyhow", "thiserror", "tracing", "uuid", "chrono", "log"],
                   "web": ["tokio", "hyper", "clap", "tracing-subscriber"],
                   "db": ["tokio-postgres"]},
         "minRepositories": 2}
        """;

    private readonly List<string> _images = [];
    private TemporaryDirectory? _work;

    /// <summary>
    /// BuildKit's cache is content-addressed and outlives a test run: a build identical to an earlier
    /// run's would be all CACHED. A build user id of this run's own makes every layer (and the cache
    /// mounts, whose ids carry it) new, so the first build is really cold.
    /// </summary>
    protected int Uid { get; } = Random.Shared.Next(20_000, 60_000);

    /// <summary>The fixture's work directory (the build host's working directory).</summary>
    protected string Work => _work?.Path ?? throw new InvalidOperationException("StartAsync has not run");

    /// <summary>Work/artifacts: where the build host writes.</summary>
    protected string Artifacts => Path.Combine(Work, "artifacts");

    /// <summary>Requires the engine (with <paramref name="registry"/>, also the local registry and the
    /// base image published there), creates the work directory, and names the images to remove at the end.</summary>
    protected async Task StartAsync(string prefix, bool registry, params string[] images)
    {
        if (registry)
        {
            await LocalRegistry.EnsureAsync();
        }
        else
        {
            await DockerRequirement.EnsureAsync();
        }

        _work = new TemporaryDirectory(prefix);
        _images.AddRange(images);
    }

    [OneTimeTearDown]
    public async Task CleanUp()
    {
        _work?.Dispose();
        if (_images.Count > 0 && File.Exists(DockerRequirement.Cli))
        {
            // With each image the local tag its seed kept (a build seeded from an image that was never pushed).
            await DockerRequirement.RunAsync(["image", "rm", "-f", .. _images, .. _images.Select(PreviousImage.SeedTagFor)]);
        }
    }

    /// <summary>A tag of this run's own in the local registry: <c>127.0.0.1:5000/prewarm-test/NAME:UID</c>.</summary>
    protected string RegistryTag(string name) => $"{LocalRegistry.Address}/prewarm-test/{name}:{Uid}";

    /// <summary>A copy of the bundled example (tests/examples/shop) at Work/<paramref name="name"/>.</summary>
    protected string CopyExample(string name = "shop")
    {
        var repository = Path.Combine(Work, name);
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), repository);
        return repository;
    }

    /// <summary>Writes the tier catalog Work/tiers.json and returns its path.</summary>
    protected string WriteTiers(string json)
    {
        var path = Path.Combine(Work, "tiers.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A one-package repository Work/<paramref name="name"/> on the offline registry (the
    /// example's .cargo/config.toml): its Cargo.toml, one source file under src/, and the Cargo.lock
    /// cargo writes for it.</summary>
    protected async Task<string> PackageAsync(string name, string manifest, string sourceFile, string source)
    {
        var root = Path.Combine(Work, name);
        Directory.CreateDirectory(Path.Combine(root, "src"));
        Directory.CreateDirectory(Path.Combine(root, ".cargo"));
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop", ".cargo", "config.toml"), Path.Combine(root, ".cargo", "config.toml"));
        File.WriteAllText(Path.Combine(root, "Cargo.toml"), manifest);
        File.WriteAllText(Path.Combine(root, "src", sourceFile), source);
        await CargoProcess.RunAsync(root, ["generate-lockfile", "--offline"]);
        return root;
    }

    /// <summary>The record the Image task wrote for <paramref name="repository"/> (artifacts/docker/NAME/image.json).</summary>
    protected JsonElement ImageRecord(string repository = "shop") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", repository, "image.json"))).RootElement.Clone();

    /// <summary>The Dockerfile steps of the last build of <paramref name="repository"/>, from its build.log.</summary>
    protected IReadOnlyList<BuildStep> Steps(string repository = "shop") =>
        BuildProgressParser.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", repository, "build.log"))).Where(s => s.IsDockerfileStep).ToList();

    /// <summary>The crates cargo compiled in <paramref name="step"/> of the last build of <paramref name="repository"/>
    /// (its <c>Compiling NAME vVERSION</c> lines): a step whose units were all fresh compiled none.</summary>
    protected IReadOnlyList<string> Compiled(BuildStep step, string repository = "shop") =>
        BuildProgressParser.Output(File.ReadAllText(Path.Combine(Artifacts, "docker", repository, "build.log")), step.Number)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Compiling ", StringComparison.Ordinal))
            .Select(line => line["Compiling ".Length..].Split(' ')[0])
            .ToList();

    /// <summary>One line a step, for assertion messages.</summary>
    protected static string Describe(IEnumerable<BuildStep> steps) =>
        string.Join("\n", steps.Select(s => $"{s.Status}: {s.Instruction[..Math.Min(120, s.Instruction.Length)]}"));
}
