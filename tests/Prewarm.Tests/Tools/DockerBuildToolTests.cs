using Cake.Core.IO;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Tools;

/// <summary>Exact command lines of docker's build commands as the tools start them (the options
/// themselves: <see cref="Docker.DockerBuildCommandLineTests"/>).</summary>
[TestFixture]
public sealed class DockerBuildToolTests
{
    private static DockerBuildxBuildSettings Settings() => new()
    {
        Context = new DirectoryPath("/a/context"),
        File = new FilePath("/a/Dockerfile"),
        Target = "builder",
        Platforms = [BuildPlatform.Parse("linux/amd64")],
        Tags = ["prewarm/shop-builder:latest"],
        Load = true,
    };

    [Test]
    public void Buildx_build()
    {
        var fixture = new ToolFixture<DockerBuildxTool>((f, e, r, t, l) => new DockerBuildxTool(f, e, r, t, l));

        fixture.Tool.Build(Settings()).Succeeded.ShouldBeTrue();

        fixture.Arguments.ShouldBe(
            "buildx build --file \"/a/Dockerfile\" --target \"builder\" --tag \"prewarm/shop-builder:latest\" --progress plain --platform linux/amd64 --load \"/a/context\"");
    }

    [Test]
    public void Integrated_buildkit_build()
    {
        var fixture = new ToolFixture<DockerIntegratedBuildTool>((f, e, r, t, l) => new DockerIntegratedBuildTool(f, e, r, t, l));

        var settings = Settings();

        fixture.Tool.Build(settings, BuildPlatform.Parse("linux/amd64"), out var dropped);

        fixture.Arguments.ShouldBe(
            "build --file \"/a/Dockerfile\" --target \"builder\" --tag \"prewarm/shop-builder:latest\" --progress plain --platform linux/amd64 \"/a/context\"");
        fixture.EnvironmentVariables.ShouldContainKeyAndValue("DOCKER_BUILDKIT", "1");
        settings.EnvironmentVariables.ShouldBeEmpty();
        dropped.ShouldBeEmpty();
    }

    [Test]
    public void Builder_inspect_reads_the_driver()
    {
        var fixture = new ToolFixture<DockerBuildxBuilderTool>((f, e, r, t, l) => new DockerBuildxBuilderTool(f, e, r, t, l));
        fixture.Runner.StandardOutput = ["Name:   default", "Driver: docker"];

        fixture.Tool.InspectDriver(new DockerBuildxBuilderSettings { Name = "ci" }).ShouldBe("docker");

        fixture.Arguments.ShouldBe("buildx inspect \"ci\"");
    }

    [Test]
    public void Builder_create_and_its_refusal_in_one_line()
    {
        var fixture = new ToolFixture<DockerBuildxBuilderTool>((f, e, r, t, l) => new DockerBuildxBuilderTool(f, e, r, t, l));
        fixture.Runner.ExitCode = 1;
        fixture.Runner.StandardError = ["#1 [internal] booting buildkit", "ERROR: failed to initialize builder ci"];

        var exception = Should.Throw<PrewarmException>(() => fixture.Tool.Create(new DockerBuildxBuilderSettings
        {
            Name = "ci",
            Platforms = [.. BuildPlatform.ParseList(["linux/amd64", "linux/arm64"])],
        }));

        fixture.Arguments.ShouldBe("buildx create --name \"ci\" --driver docker-container --platform linux/amd64,linux/arm64 --bootstrap");
        exception.Message.ShouldBe(
            "docker buildx create --name \"ci\" --driver docker-container --platform linux/amd64,linux/arm64 --bootstrap: exit code 1: ERROR: failed to initialize builder ci");
    }
}
