using Prewarm.Cake.Tools.Docker;

namespace Prewarm.Tests.Tools;

/// <summary>Exact command lines of the docker CLI's short commands, one test per command.</summary>
[TestFixture]
public sealed class DockerCommandToolTests
{
    private ToolFixture<DockerCommandTool> _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new ToolFixture<DockerCommandTool>((f, e, r, t, l) => new DockerCommandTool(f, e, r, t, l));

    private static DockerCommandSettings Settings() => new();

    [Test]
    public void Version_as_json()
    {
        _fixture.Runner.StandardOutput = ["{\"Client\":{\"Version\":\"26.1.5\"},\"Server\":null}"];

        var (version, result) = _fixture.Tool.Version(Settings());

        _fixture.ToolName.ShouldBe("docker");
        _fixture.Arguments.ShouldBe("version --format \"{{json .}}\"");
        version.ShouldNotBeNull().ClientVersion.ShouldBe("26.1.5");
        result.Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Buildx_version_or_none()
    {
        _fixture.Runner.ExitCode = 1;

        _fixture.Tool.BuildxVersion(Settings()).ShouldBeNull();

        _fixture.Arguments.ShouldBe("buildx version");
    }

    [Test]
    public void Image_exists()
    {
        _fixture.Tool.ImageExists(Settings(), "prewarm/shop:1").ShouldBeTrue();

        _fixture.Arguments.ShouldBe("image inspect \"prewarm/shop:1\"");
    }

    [Test]
    public void Image_inspect_as_json()
    {
        _fixture.Tool.ImageInspect(Settings(), "prewarm/shop:1");

        _fixture.Arguments.ShouldBe("image inspect --format \"{{json .}}\" \"prewarm/shop:1\"");
    }

    [Test]
    public void Image_size()
    {
        _fixture.Runner.StandardOutput = ["1234"];

        _fixture.Tool.ImageSize(Settings(), "prewarm/shop:1").ShouldBe(1234);

        _fixture.Arguments.ShouldBe("image inspect --format \"{{.Size}}\" \"prewarm/shop:1\"");
    }

    [Test]
    public void Repo_digests()
    {
        _fixture.Runner.StandardOutput = ["[\"r/shop@sha256:ab\"]"];

        _fixture.Tool.RepoDigests(Settings(), "r/shop:1").ShouldBe(["r/shop@sha256:ab"]);

        _fixture.Arguments.ShouldBe("image inspect --format \"{{json .RepoDigests}}\" \"r/shop:1\"");
    }

    [Test]
    public void Read_file_of_a_foreign_platform()
    {
        _fixture.Runner.StandardOutput = ["0shop v0.0.1"];

        _fixture.Tool.ReadFile(Settings(), "prewarm/shop:1", "/build/prewarm/cargo-tree.txt", "linux/arm64").ShouldBe("0shop v0.0.1");

        _fixture.Arguments.ShouldBe("run --rm --platform linux/arm64 --entrypoint cat \"prewarm/shop:1\" \"/build/prewarm/cargo-tree.txt\"");
    }

    [Test]
    public void Read_files_matching_a_glob()
    {
        _fixture.Runner.ExitCode = 1;

        _fixture.Tool.ReadFiles(Settings(), "prewarm/shop:1", "/build/prewarm/builder/*.json").ShouldBeNull();

        _fixture.Arguments.ShouldBe("run --rm --entrypoint sh \"prewarm/shop:1\" -c \"cat /build/prewarm/builder/*.json\"");
    }

    [Test]
    public void Tag()
    {
        _fixture.Tool.Tag(Settings(), "prewarm/builder:abc", "prewarm/builder:latest");

        _fixture.Arguments.ShouldBe("tag \"prewarm/builder:abc\" \"prewarm/builder:latest\"");
    }

    [Test]
    public void Pull_quietly()
    {
        _fixture.Tool.Pull(Settings(), "rust:1-bookworm");

        _fixture.Arguments.ShouldBe("pull --quiet \"rust:1-bookworm\"");
    }

    [Test]
    public void Push_follows_progress()
    {
        _fixture.Tool.Push(Settings(), "127.0.0.1:5000/shop:1", _ => { });

        _fixture.Arguments.ShouldBe("push \"127.0.0.1:5000/shop:1\"");
    }

    [Test]
    public void Manifest_inspect_switches_the_experimental_cli_on()
    {
        _fixture.Tool.ManifestInspect(Settings(), "127.0.0.1:5000/shop:1", insecure: true);

        _fixture.Arguments.ShouldBe("manifest inspect -v --insecure \"127.0.0.1:5000/shop:1\"");
        _fixture.EnvironmentVariables.ShouldContainKeyAndValue("DOCKER_CLI_EXPERIMENTAL", "enabled");
    }

    [Test]
    public void Manifest_create_and_push()
    {
        _fixture.Tool.ManifestCreate(Settings(), "r/shop:1", ["r/shop:1-linux-amd64", "r/shop:1-linux-arm64"], insecure: false);
        _fixture.Tool.ManifestPush(Settings(), "r/shop:1", insecure: true);

        _fixture.AllArguments.ShouldBe([
            "manifest create --amend \"r/shop:1\" \"r/shop:1-linux-amd64\" \"r/shop:1-linux-arm64\"",
            "manifest push --purge --insecure \"r/shop:1\"",
        ]);
    }
}
