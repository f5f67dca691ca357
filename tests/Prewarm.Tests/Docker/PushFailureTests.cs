using Prewarm.Core.Diagnostics;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>docker push's failures as one line naming the reference, from what docker 20.10 prints.</summary>
[TestFixture]
public sealed class PushFailureTests
{
    [Test]
    public void A_registry_that_does_not_answer()
    {
        var line = PushFailure.Explain("127.0.0.1:5999/acme/builder:1",
            "The push refers to repository [127.0.0.1:5999/acme/builder]\nGet \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused");

        line.ShouldStartWith("docker push 127.0.0.1:5999/acme/builder:1 failed: the registry 127.0.0.1:5999 does not answer (Get \"http://127.0.0.1:5999/v2/\": dial tcp");
        line.ShouldNotContain("\n");
    }

    [Test]
    public void A_registry_that_refuses_the_credentials() =>
        PushFailure.Explain("ghcr.io/acme/builder:1", "denied: requested access to the resource is denied")
            .ShouldContain("the registry ghcr.io refused it (denied: requested access to the resource is denied): log in with docker login ghcr.io");

    [Test]
    public void A_full_disk() =>
        PushFailure.Explain("r.example/acme/b:1", "blob upload unknown\nwrite /var/lib/registry/x: no space left on device")
            .ShouldContain("no space left on device");

    [TestCase("ghcr.io/acme/builder:1", "ghcr.io")]
    [TestCase("127.0.0.1:5000/x:1", "127.0.0.1:5000")]
    [TestCase("localhost/x", "localhost")]
    [TestCase("acme/builder:1", "docker.io")]
    [TestCase("builder", "docker.io")]
    public void The_registry_of_a_reference(string reference, string registry) =>
        PushFailure.RegistryOf(reference).ShouldBe(registry);

    [Test]
    public void The_doctor_finding_for_a_registry()
    {
        RegistryCheck.ProbeUri("127.0.0.1:5000").ShouldBe(new Uri("http://127.0.0.1:5000/v2/"));
        RegistryCheck.ProbeUri("ghcr.io").ShouldBe(new Uri("https://ghcr.io/v2/"));
        RegistryCheck.Finding("127.0.0.1:5999", "127.0.0.1:5999/x:1", null, "Connection refused (127.0.0.1:5999)").Severity.ShouldBe(DoctorSeverity.Problem);
        RegistryCheck.Finding("ghcr.io", "ghcr.io/x:1", 401, null).Message.ShouldContain("docker login ghcr.io");
        RegistryCheck.Finding("127.0.0.1:5000", "127.0.0.1:5000/x:1", 200, null).Severity.ShouldBe(DoctorSeverity.Ok);
    }

    [Test]
    public void The_image_record_keeps_the_names_verify_and_ci_scripts_read()
    {
        var json = StageJson.Serialize(new ImageRecord
        {
            Docker = "/usr/bin/docker", Image = "r/x:1", Tags = ["r/x:1"], Pushed = true, DependencyStorage = DependencyStorage.Image,
            BaseImage = "r/base:1", SizeBytes = 3_000, BaseSizeBytes = 1_000,
        });

        json.ShouldContain("\"docker\": \"/usr/bin/docker\"");
        json.ShouldContain("\"image\": \"r/x:1\"");
        json.ShouldContain("\"dependencyStorage\": \"image\"");
        json.ShouldContain("\"sizeOverBaseBytes\": 2000");
    }
}
