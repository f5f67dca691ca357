using FilePath = Cake.Core.IO.FilePath;
using Prewarm.Cake.Docker;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.Docker;
using Prewarm.Tests.Tools;

namespace Prewarm.Tests.Toolchain;

/// <summary>How the base image is asked for its cargo and rustc (exact docker command lines, recorded):
/// once per image id, the answer kept under the artifacts so the next run starts no container.</summary>
[TestFixture]
public sealed class ToolchainPrerequisitesTests
{
    private const string Image = "127.0.0.1:5000/prewarm/rust-base:bookworm";
    private const string Inspect = "image inspect --format \"{{json .}}\" \"" + Image + "\"";
    private const string Run = "run --rm --platform linux/amd64 --entrypoint sh \"" + Image + "\" -c \"cargo -V && rustc -V && if command -v rustup >/dev/null; then echo rustup; fi\"";
    private const string ImageJson = """{"Id":"sha256:6854e4abb362","Os":"linux","Architecture":"amd64"}""";

    private static readonly BuildPlatform Amd64 = BuildPlatform.Parse("linux/amd64");

    private TemporaryDirectory _artifacts = null!;

    [SetUp]
    public void SetUp() => _artifacts = new TemporaryDirectory("prewarm-toolchain-");

    [TearDown]
    public void TearDown() => _artifacts.Dispose();

    private static readonly ToolchainSource V4 = new("/src/shop", new CargoRepository
    {
        Id = "shop",
        Lockfiles = [new Lockfile("Cargo.lock", 4, [])],
    });

    private (ToolchainPrerequisites Check, RecordingProcessRunner Runner) Prerequisites(Func<string, (int, string[])> answer)
    {
        var context = new RecordingCakeContext();
        context.Runner.Answer = answer;
        var engine = new DockerEngine(new FilePath(context.Tools.Resolve("docker").FullPath), DockerBuildMode.IntegratedBuildKit,
            new DockerVersion("20.10.24", "20.10.24", "linux", "amd64"), null);
        return (new ToolchainPrerequisites(context, engine, new ArtifactsLayout(_artifacts.Path)), context.Runner);
    }

    private static (int, string[]) Engine(string arguments) => arguments switch
    {
        Inspect => (0, [ImageJson]),
        Run => (0, ["cargo 1.65.0", "rustc 1.63.0"]),
        _ => (1, []),
    };

    private static string[] Commands(RecordingProcessRunner runner) => runner.Started.Select(s => s.Settings.Arguments.Render()).ToArray();

    [Test]
    public void The_image_is_asked_once_per_image_id()
    {
        var (first, firstRunner) = Prerequisites(Engine);
        var verdict = first.Examine([V4], Image, Amd64);

        verdict.Problem.ShouldBe($"/src/shop/Cargo.lock: lockfile version 4 needs cargo ≥ 1.78; the base image {Image} has cargo 1.65.0 (write version = 3, or use a base image with a newer toolchain)");
        Commands(firstRunner).ShouldBe([Inspect, Run]);
        File.ReadAllText(Path.Combine(_artifacts.Path, "docker", "toolchains.json")).ShouldContain("\"sha256:6854e4abb362\"");

        var (second, secondRunner) = Prerequisites(Engine);
        second.Examine([V4], Image, Amd64).Problem.ShouldBe(verdict.Problem);
        Commands(secondRunner).ShouldBe([Inspect], "the second run starts no container");
    }

    [Test]
    public void An_image_the_engine_lacks_is_pulled_by_the_run_then_remembered()
    {
        var pulled = false;
        var (check, runner) = Prerequisites(arguments =>
        {
            pulled |= arguments == Run;
            return arguments == Inspect && !pulled ? (1, []) : Engine(arguments);
        });

        check.Examine([V4], Image, Amd64).Toolchain.ShouldBe(new Core.Toolchain.ImageToolchain("1.65.0", "1.63.0"));

        Commands(runner).ShouldBe([Inspect, Run, Inspect]);
        File.Exists(Path.Combine(_artifacts.Path, "docker", "toolchains.json")).ShouldBeTrue();
    }

    [Test]
    public void An_image_that_cannot_be_asked_is_unknown_not_a_problem()
    {
        var (check, _) = Prerequisites(arguments => arguments == Run ? (127, ["sh: 1: cargo: not found"]) : (1, []));

        var verdict = check.Examine([V4], Image, Amd64);

        verdict.Problem.ShouldBeNull();
        verdict.Unknown.ShouldStartWith($"could not ask {Image} (linux/amd64) for its cargo and rustc with sh -c '{Core.Toolchain.ImageToolchain.Script}': ");
    }

    [Test]
    public void With_rustup_in_the_image_a_repository_s_toolchain_file_rules()
    {
        var (check, _) = Prerequisites(arguments => arguments == Run ? (0, ["cargo 1.65.0", "rustc 1.63.0", "rustup"]) : Engine(arguments));
        var pinned = V4 with { Root = _artifacts.Path };
        File.WriteAllText(Path.Combine(_artifacts.Path, "rust-toolchain.toml"), "[toolchain]\nchannel = \"1.85\"\n");

        var verdict = check.Examine([pinned], Image, Amd64);

        verdict.Toolchain.ShouldBe(new Core.Toolchain.ImageToolchain("1.65.0", "1.63.0", Rustup: true));
        verdict.Problem.ShouldBeNull("rustup builds with the pinned 1.85, not the image's default");
        check.Examine([V4], Image, Amd64).Problem.ShouldNotBeNull("no toolchain file: the default toolchain builds");
    }

    [Test]
    public void Nothing_to_check_starts_no_process()
    {
        var (check, runner) = Prerequisites(Engine);

        check.Examine([new ToolchainSource("/src/x", new CargoRepository { Id = "x", Lockfiles = [new Lockfile("Cargo.lock", 1, [])] })], Image, Amd64)
            .ShouldBe(new ToolchainVerdict(null, null, null));
        runner.Started.ShouldBeEmpty();
    }
}
