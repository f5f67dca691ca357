using Cake.Core.IO;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>The exact command lines the Image task runs, for buildx and for the integrated BuildKit.</summary>
[TestFixture]
public sealed class DockerBuildCommandLineTests
{
    private static DockerBuildxBuildSettings Settings() => new()
    {
        Context = new DirectoryPath("/a/context"),
        File = new FilePath("/a/Dockerfile"),
        Target = "builder",
        Platforms = [.. BuildPlatform.ParseList(["linux/amd64", "linux/arm64"])],
        Tags = ["ghcr.io/acme/shop-builder:1", "ghcr.io/acme/shop-builder:latest"],
        CacheFrom = [CacheSpec.Parse("type=registry,ref=ghcr.io/acme/cache", export: false)],
        CacheTo = [CacheSpec.Parse("type=registry,ref=ghcr.io/acme/cache,mode=max", export: true)],
        Secrets = [SecretSpec.Parse("id=cargo-token,env=CARGO_REGISTRY_TOKEN")],
        Push = true,
        Builder = "ci",
        MetadataFile = new FilePath("/a/metadata.json"),
    };

    [Test]
    public void Buildx_build_gets_every_option_in_one_line()
    {
        var settings = Settings();
        settings.Labels["org.opencontainers.image.revision"] = "abc123";
        settings.BuildArgs["RUST_PROFILE"] = "release";

        var line = DockerBuildCommandLine.ForBuildx(settings).Render();

        line.ShouldStartWith("buildx build --builder \"ci\" ");
        line.ShouldContain("--platform linux/amd64,linux/arm64");
        line.ShouldContain("--cache-from \"type=registry,ref=ghcr.io/acme/cache\"");
        line.ShouldContain("--cache-to \"type=registry,ref=ghcr.io/acme/cache,mode=max\"");
        line.ShouldContain("--metadata-file \"/a/metadata.json\"");
        line.ShouldContain("--tag \"ghcr.io/acme/shop-builder:1\"");
        line.ShouldContain("--label \"org.opencontainers.image.revision=abc123\"");
        line.ShouldContain("--build-arg \"RUST_PROFILE=release\"");
        line.ShouldContain("--secret \"id=cargo-token,env=CARGO_REGISTRY_TOKEN\"");
        line.ShouldContain("--push");
        line.ShouldNotContain("--load");
        line.ShouldEndWith("\"/a/context\"");
    }

    [Test]
    public void Secrets_are_referenced_by_id_and_never_carry_their_value()
    {
        Environment.SetEnvironmentVariable("CARGO_REGISTRY_TOKEN", "planted-token-value");
        try
        {
            var line = DockerBuildCommandLine.ForBuildx(Settings()).Render();

            line.ShouldNotContain("planted-token-value");
            line.ShouldNotContain("--build-arg \"CARGO_REGISTRY_TOKEN");
        }
        finally
        {
            Environment.SetEnvironmentVariable("CARGO_REGISTRY_TOKEN", null);
        }
    }

    [Test]
    public void The_integrated_buildkit_keeps_what_it_can_and_names_what_it_drops()
    {
        var line = DockerBuildCommandLine.ForIntegratedBuildKit(Settings(), BuildPlatform.Parse("linux/amd64"), out var dropped).Render();

        line.ShouldStartWith("build ");
        line.ShouldContain("--platform linux/amd64");
        line.ShouldNotContain("arm64");
        line.ShouldNotContain("buildx");
        line.ShouldNotContain("--push");
        line.ShouldContain("--cache-from \"ghcr.io/acme/cache\"");
        dropped.ShouldContain(d => d.StartsWith("--cache-to"));
        dropped.ShouldContain(d => d.StartsWith("--builder"));
        // Pushing is not lost: the Image task pushes every tag with docker push after the build.
        dropped.ShouldNotContain(d => d.Contains("--push"));
    }

    [Test]
    public void Loading_a_multi_platform_image_is_refused()
    {
        var settings = Settings();
        settings.Load = true;

        Should.Throw<PrewarmException>(() => DockerBuildCommandLine.ForBuildx(settings));
    }

    [TestCase("linux/sparc99")]
    [TestCase("amd64")]
    [TestCase("")]
    public void An_unknown_platform_is_a_clear_error(string platform) =>
        Should.Throw<PrewarmException>(() => BuildPlatform.Parse(platform)).Message.ShouldContain("platform");

    [TestCase("type=registry,ref=r/c,mode=max", true, "type=registry,ref=r/c,mode=max")]
    [TestCase("type=local,dest=/tmp/cache", true, "type=local,dest=/tmp/cache,mode=max")]
    [TestCase("type=gha,scope=prewarm,mode=max", true, "type=gha,scope=prewarm,mode=max")]
    [TestCase("type=inline", true, "type=inline")]
    [TestCase("type=local,src=/tmp/cache", false, "type=local,src=/tmp/cache")]
    public void Cache_specs_of_every_backend_parse(string value, bool export, string expected) =>
        CacheSpec.Parse(value, export).ToString().ShouldBe(expected);
}
