using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>The list digest a joined multi-platform tag resolves to, from what docker 20.10's
/// <c>docker manifest push</c> printed, and the repository a reference names.</summary>
[TestFixture]
public sealed class ManifestPushOutputTests
{
    private const string List = "sha256:640451465e7f11d1866d00751900ed87c0ad18678314111ac2e56b0d6f077dd7";

    [Test]
    public void The_list_digest_is_the_last_line() =>
        ManifestPushOutput.ListDigest(List + "\n").ShouldBe(List);

    [Test]
    public void Platform_images_pushed_on_the_way_are_not_the_list() =>
        ManifestPushOutput.ListDigest(
                "Pushed ref 127.0.0.1:5000/x@sha256:1111111111111111111111111111111111111111111111111111111111111111 with digest: sha256:1111111111111111111111111111111111111111111111111111111111111111\n" + List + "\n")
            .ShouldBe(List);

    [TestCase("")]
    [TestCase("Created manifest list 127.0.0.1:5000/x:list\n")]
    [TestCase("sha256:abc\n")]
    public void No_digest(string output) => ManifestPushOutput.ListDigest(output).ShouldBeNull();

    [TestCase("127.0.0.1:5000/org/app:v1", "127.0.0.1:5000/org/app")]
    [TestCase("127.0.0.1:5000/org/app", "127.0.0.1:5000/org/app")]
    [TestCase("ghcr.io/acme/builder@sha256:" + "aa", "ghcr.io/acme/builder")]
    [TestCase("ghcr.io/acme/builder:1@sha256:" + "aa", "ghcr.io/acme/builder")]
    [TestCase("builder:latest", "builder")]
    [TestCase("localhost:5000/b", "localhost:5000/b")]
    public void The_repository_of_a_reference(string reference, string repository) =>
        ImageReference.Repository(reference).ShouldBe(repository);
}
