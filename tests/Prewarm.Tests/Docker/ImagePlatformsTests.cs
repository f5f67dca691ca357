using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>
/// ImagePlatforms on JSON captured here (Fixtures/platforms): <c>docker manifest inspect [-v] --insecure
/// 127.0.0.1:5000/prewarm/rust-base:bookworm</c> (20.10 CLI) before tests/base-image/build.sh published
/// it for two platforms (a single manifest) and after (a manifest list), <c>docker image inspect --format
/// '{{json .}}'</c> of its amd64 and arm64 images and the amd64 image's config blob from the registry;
/// OCI indexes as buildx pushes them (attestation entries included) written by hand.
/// </summary>
[TestFixture]
public sealed class ImagePlatformsTests
{
    private const string Reference = "127.0.0.1:5000/prewarm/rust-base:bookworm";
    private static readonly BuildPlatform Amd64 = BuildPlatform.Parse("linux/amd64");
    private static readonly BuildPlatform Arm64 = BuildPlatform.Parse("linux/arm64");

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Docker", "Fixtures", "platforms", name));

    [Test]
    public void The_published_base_image_is_a_manifest_list_of_amd64_and_arm64()
    {
        var list = ImagePlatforms.ParseManifestInspect(Fixture("manifest-list.json"), Reference);

        list.IsList.ShouldBeTrue();
        list.NeedsConfig.ShouldBeFalse();
        list.MediaType.ShouldBe("application/vnd.docker.distribution.manifest.list.v2+json");
        list.Platforms.ShouldBe([Amd64, Arm64], ignoreOrder: true);
        list.Find(Arm64)!.Digest.ShouldStartWith("sha256:");
        list.Find(BuildPlatform.Parse("linux/arm64/v8")).ShouldBe(list.Find(Arm64));
        list.Find(BuildPlatform.Parse("linux/s390x")).ShouldBeNull();

        var verbose = ImagePlatforms.ParseManifestInspect(Fixture("manifest-list-verbose.json"), Reference);
        verbose.IsList.ShouldBeTrue();
        verbose.Platforms.ShouldBe(list.Platforms, ignoreOrder: true);
    }

    [Test]
    public void A_single_manifest_needs_its_config_unless_inspected_with_v()
    {
        var single = ImagePlatforms.ParseManifestInspect(Fixture("single-manifest.json"), Reference);

        single.IsList.ShouldBeFalse();
        single.NeedsConfig.ShouldBeTrue();
        single.MediaType.ShouldBe("application/vnd.docker.distribution.manifest.v2+json");
        single.ConfigDigest.ShouldBe("sha256:73f63393344f198ae857620a72d423b09fe5160899eda6284a5940e71b5fade5");
        ImagePlatforms.ParseImage(Fixture("image-config-amd64.json"), single.ConfigDigest!).ShouldBe(Amd64);

        var verbose = ImagePlatforms.ParseManifestInspect(Fixture("single-manifest-verbose.json"), Reference);
        verbose.IsList.ShouldBeFalse();
        verbose.NeedsConfig.ShouldBeFalse();
        verbose.Platforms.ShouldBe([Amd64]);
        verbose.Manifests.ShouldBe([new PlatformManifest(Amd64, "sha256:cffcc8d8314fb611154f73c1e088b844958560802018f8914746748066c843c2")]);
        verbose.ConfigDigest.ShouldBe(single.ConfigDigest);
    }

    [Test]
    public void Local_images_say_their_platform_in_image_inspect()
    {
        ImagePlatforms.ParseImage(Fixture("image-inspect-amd64.json"), "prewarm/rust-base:bookworm").ShouldBe(Amd64);
        ImagePlatforms.ParseImage(Fixture("image-inspect-arm64.json"), "prewarm/rust-base:bookworm-arm64").ShouldBe(Arm64);
        // Plain `docker image inspect` prints an array of one.
        ImagePlatforms.ParseImage($"[{Fixture("image-inspect-arm64.json")}]", "x").ShouldBe(Arm64);
        ImagePlatforms.ParseImage("""{"Os":"linux","Architecture":"arm","Variant":"v7"}""", "x").ToString().ShouldBe("linux/arm/v7");
    }

    [Test]
    public void An_oci_index_skips_attestations_and_keeps_variants()
    {
        const string index = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "manifests": [
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:aa", "size": 1,
                 "platform": {"architecture": "amd64", "os": "linux"}},
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:bb", "size": 1,
                 "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"}},
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:cc", "size": 1,
                 "platform": {"architecture": "arm", "os": "linux", "variant": "v7"}},
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:dd", "size": 1,
                 "annotations": {"vnd.docker.reference.digest": "sha256:aa", "vnd.docker.reference.type": "attestation-manifest"},
                 "platform": {"architecture": "unknown", "os": "unknown"}}
              ]
            }
            """;

        var parsed = ImagePlatforms.ParseManifestInspect(index, "ghcr.io/acme/builder:1");

        parsed.IsList.ShouldBeTrue();
        parsed.MediaType.ShouldBe("application/vnd.oci.image.index.v1+json");
        parsed.Platforms.Select(p => p.ToString()).ShouldBe(["linux/amd64", "linux/arm64/v8", "linux/arm/v7"]);
        ImagePlatforms.Missing([Amd64, Arm64, BuildPlatform.Parse("linux/arm/v7")], parsed.Platforms).ShouldBeEmpty();
    }

    [Test]
    public void An_oci_manifest_without_media_type_is_a_single_manifest()
    {
        const string manifest = """
            {"schemaVersion": 2,
             "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:c0ffee", "size": 7},
             "layers": []}
            """;

        var parsed = ImagePlatforms.ParseManifestInspect(manifest, "r");

        parsed.NeedsConfig.ShouldBeTrue();
        parsed.MediaType.ShouldBe("application/vnd.oci.image.manifest.v1+json");
        parsed.ConfigDigest.ShouldBe("sha256:c0ffee");
    }

    [Test]
    public void Variants_match_with_their_defaults()
    {
        ImagePlatforms.Provides(BuildPlatform.Parse("linux/arm64/v8"), Arm64).ShouldBeTrue();
        ImagePlatforms.Provides(Arm64, BuildPlatform.Parse("linux/arm64/v8")).ShouldBeTrue();
        ImagePlatforms.Provides(new BuildPlatform("linux", "arm", null), BuildPlatform.Parse("linux/arm/v7")).ShouldBeTrue();
        ImagePlatforms.Provides(BuildPlatform.Parse("linux/arm/v6"), BuildPlatform.Parse("linux/arm/v7")).ShouldBeFalse();
        ImagePlatforms.Provides(BuildPlatform.Parse("linux/arm/v7"), BuildPlatform.Parse("linux/arm")).ShouldBeTrue();
        ImagePlatforms.Provides(Amd64, Arm64).ShouldBeFalse();
    }

    [Test]
    public void What_a_base_image_lacks_is_one_line()
    {
        var single = ImagePlatforms.ParseManifestInspect(Fixture("single-manifest-verbose.json"), Reference);

        var line = ImagePlatforms.DescribeMissing(Reference, [Amd64, Arm64], single.Platforms);

        line.ShouldBe($"base image {Reference} lacks linux/arm64 (it has linux/amd64); fix: publish it for linux/arm64 too "
                      + "(a manifest list naming every platform, e.g. docker manifest create + push), or leave linux/arm64 out of --platform");
        line!.ShouldNotContain("\n");
        ImagePlatforms.DescribeMissing(Reference, [Amd64], single.Platforms).ShouldBeNull();
        ImagePlatforms.DescribeMissing(Reference, [Arm64], [])!.ShouldContain("(it has no platform)");
    }

    [TestCase("not json")]
    [TestCase("""{"schemaVersion": 1, "name": "x"}""")]
    [TestCase("""{"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json"}""")]
    public void Unexpected_output_is_one_line_naming_the_reference(string json)
    {
        var error = Should.Throw<PrewarmException>(() => ImagePlatforms.ParseManifestInspect(json, Reference));

        error.Message.ShouldStartWith($"docker manifest inspect {Reference}: unexpected output");
        Should.Throw<PrewarmException>(() => ImagePlatforms.ParseImage("{}", "img")).Message.ShouldStartWith("docker image inspect img: unexpected output");
    }
}
