using Prewarm.Cake.Tools.Docker;

namespace Prewarm.Tests.Tools;

/// <summary>Exact command lines of the docker CLI's short commands, one test per command.</summary>
[TestFixture]
public sealed class DockerCommandToolTests
{
    [Test]
    public void Version_as_json()
    {
        var fixture = new ToolFixture<DockerVersionTool>((f, e, r, t, l) => new DockerVersionTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["{\"Client\":{\"Version\":\"26.1.5\"},\"Server\":null}"];

        var (version, result) = fixture.Tool.Version(new DockerVersionSettings());

        fixture.ToolName.ShouldBe("docker");
        fixture.Arguments.ShouldBe("version --format \"{{json .}}\"");
        version.ShouldNotBeNull().ClientVersion.ShouldBe("26.1.5");
        result.Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Buildx_version_or_none()
    {
        var fixture = new ToolFixture<DockerVersionTool>((f, e, r, t, l) => new DockerVersionTool(f, e, r, t, l));
        fixture.Runner.ExitCode = 1;

        fixture.Tool.BuildxVersion(new DockerVersionSettings()).ShouldBeNull();

        fixture.Arguments.ShouldBe("buildx version");
    }

    [Test]
    public void Image_inspect_questions()
    {
        var fixture = new ToolFixture<DockerImageInspectTool>((f, e, r, t, l) => new DockerImageInspectTool(f, e, r, t, l));
        var settings = new DockerImageInspectSettings();

        fixture.Tool.Exists("prewarm/shop:1", settings).ShouldBeTrue();
        fixture.Tool.Json("prewarm/shop:1", settings);

        fixture.AllArguments.ShouldBe([
            "image inspect \"prewarm/shop:1\"",
            "image inspect --format \"{{json .}}\" \"prewarm/shop:1\"",
        ]);
    }

    [Test]
    public void Image_size()
    {
        var fixture = new ToolFixture<DockerImageInspectTool>((f, e, r, t, l) => new DockerImageInspectTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["1234"];

        fixture.Tool.Size("prewarm/shop:1", new DockerImageInspectSettings()).ShouldBe(1234);

        fixture.Arguments.ShouldBe("image inspect --format \"{{.Size}}\" \"prewarm/shop:1\"");
    }

    [Test]
    public void Repo_digests()
    {
        var fixture = new ToolFixture<DockerImageInspectTool>((f, e, r, t, l) => new DockerImageInspectTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["[\"r/shop@sha256:ab\"]"];

        fixture.Tool.RepoDigests("r/shop:1", new DockerImageInspectSettings()).ShouldBe(["r/shop@sha256:ab"]);

        fixture.Arguments.ShouldBe("image inspect --format \"{{json .RepoDigests}}\" \"r/shop:1\"");
    }

    [Test]
    public void Read_file_of_a_foreign_platform()
    {
        var fixture = new ToolFixture<DockerRunTool>((f, e, r, t, l) => new DockerRunTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["0shop v0.0.1"];

        fixture.Tool.ReadFile("prewarm/shop:1", "/build/prewarm/cargo-tree.txt", new DockerRunSettings { Platform = "linux/arm64" }).ShouldBe("0shop v0.0.1");

        fixture.Arguments.ShouldBe("run --rm --platform linux/arm64 --entrypoint cat \"prewarm/shop:1\" \"/build/prewarm/cargo-tree.txt\"");
    }

    [Test]
    public void Read_files_matching_a_glob()
    {
        var fixture = new ToolFixture<DockerRunTool>((f, e, r, t, l) => new DockerRunTool(f, e, r, t, l));
        fixture.Runner.ExitCode = 1;

        fixture.Tool.ReadFiles("prewarm/shop:1", "/build/prewarm/builder/*.json", new DockerRunSettings()).ShouldBeNull();

        fixture.Arguments.ShouldBe("run --rm --entrypoint sh \"prewarm/shop:1\" -c \"cat /build/prewarm/builder/*.json\"");
    }

    [Test]
    public void Run_a_shell_script_for_a_platform()
    {
        var fixture = new ToolFixture<DockerRunTool>((f, e, r, t, l) => new DockerRunTool(f, e, r, t, l));

        fixture.Tool.Shell("rust:1", "cargo -V", new DockerRunSettings { Platform = "linux/amd64" });

        fixture.Arguments.ShouldBe("run --rm --platform linux/amd64 --entrypoint sh \"rust:1\" -c \"cargo -V\"");
    }

    [Test]
    public void Tag()
    {
        var fixture = new ToolFixture<DockerTagTool>((f, e, r, t, l) => new DockerTagTool(f, e, r, t, l));

        fixture.Tool.Tag("prewarm/builder:abc", "prewarm/builder:latest", new DockerTagSettings());

        fixture.Arguments.ShouldBe("tag \"prewarm/builder:abc\" \"prewarm/builder:latest\"");
    }

    [Test]
    public void Pull_quietly()
    {
        var fixture = new ToolFixture<DockerPullTool>((f, e, r, t, l) => new DockerPullTool(f, e, r, t, l));

        fixture.Tool.Pull("rust:1-bookworm", new DockerPullSettings());

        fixture.Arguments.ShouldBe("pull --quiet \"rust:1-bookworm\"");
    }

    [Test]
    public void Push_follows_progress()
    {
        var fixture = new ToolFixture<DockerPushTool>((f, e, r, t, l) => new DockerPushTool(f, e, r, t, l));

        fixture.Tool.Push("127.0.0.1:5000/shop:1", new DockerPushSettings(), _ => { });

        fixture.Arguments.ShouldBe("push \"127.0.0.1:5000/shop:1\"");
    }

    [Test]
    public void Manifest_inspect_switches_the_experimental_cli_on_and_leaves_the_settings_alone()
    {
        var fixture = new ToolFixture<DockerManifestTool>((f, e, r, t, l) => new DockerManifestTool(f, e, r, t, l));
        var settings = new DockerManifestSettings { Insecure = true };

        fixture.Tool.Inspect("127.0.0.1:5000/shop:1", settings);

        fixture.Arguments.ShouldBe("manifest inspect -v --insecure \"127.0.0.1:5000/shop:1\"");
        fixture.EnvironmentVariables.ShouldContainKeyAndValue("DOCKER_CLI_EXPERIMENTAL", "enabled");
        settings.EnvironmentVariables.ShouldBeEmpty();
    }

    [Test]
    public void Manifest_create_and_push()
    {
        var fixture = new ToolFixture<DockerManifestTool>((f, e, r, t, l) => new DockerManifestTool(f, e, r, t, l));

        fixture.Tool.Create("r/shop:1", ["r/shop:1-linux-amd64", "r/shop:1-linux-arm64"], new DockerManifestSettings());
        fixture.Tool.Push("r/shop:1", new DockerManifestSettings { Insecure = true });

        fixture.AllArguments.ShouldBe([
            "manifest create --amend \"r/shop:1\" \"r/shop:1-linux-amd64\" \"r/shop:1-linux-arm64\"",
            "manifest push --purge --insecure \"r/shop:1\"",
        ]);
    }
}
