namespace Prewarm.Tests.Docker;

/// <summary>--cross needs the target's linker and Rust standard library in the base image as the build
/// platform runs it: the Image task checks it before building and Doctor reports it, one line naming
/// the packages; the cross base image tests/base-image/build.sh publishes passes.</summary>
[Category("Docker")]
public sealed class CrossToolchainCheckTests : DockerEndToEndFixture
{
    private const string Missing =
        "--platform=linux/arm64: prewarm --cross: no aarch64-linux-gnu-gcc (linker for aarch64-unknown-linux-gnu) in the base image; install gcc-aarch64-linux-gnu libc6-dev-arm64-cross or build without --cross";

    private string _repository = null!;

    [OneTimeSetUp]
    public async Task CopyTheExample()
    {
        await StartAsync("prewarm-cross-check-", registry: true);
        _repository = CopyExample();
    }

    [Test]
    public async Task Image_refuses_a_base_image_without_the_cross_toolchain_before_building()
    {
        var artifacts = Path.Combine(Work, "artifacts-image");
        var run = await BuildHostProcess.RunAsync(Work,
            "--target=Image", $"--repo={_repository}", $"--artifacts={artifacts}", $"--base-image={LocalRegistry.BaseImage}",
            "--cross", "--platform=linux/arm64", "--tag=prewarm-test/shop-cross:refused", "--profile=release");

        run.ExitCode.ShouldNotBe(0);
        run.All.ShouldContain($"{Missing} ({LocalRegistry.BaseImage} as linux/amd64)");
        File.Exists(Path.Combine(artifacts, "docker", "shop", "build.log")).ShouldBeFalse("nothing was built");
    }

    [TestCase(LocalRegistry.BaseImage, false)]
    [TestCase(LocalRegistry.CrossBaseImage, true)]
    public async Task Doctor_checks_the_cross_toolchain(string baseImage, bool present)
    {
        var artifacts = Path.Combine(Work, $"artifacts-doctor-{present}");
        var cache = Directory.CreateDirectory(Path.Combine(Work, "cache")).FullName;

        await BuildHostProcess.RunAsync(Work,
            "--target=Doctor", "--cross", "--platform=linux/arm64", $"--base-image={baseImage}", $"--artifacts={artifacts}",
            $"--cargo-home={cache}", $"--target-dir={cache}", $"--sccache-dir={cache}", "--min-free-gb=0");

        var report = File.ReadAllText(Path.Combine(artifacts, "doctor", "doctor.md"));
        if (present)
        {
            report.ShouldContain($"{baseImage} cross-compiles for linux/arm64 on linux/amd64");
        }
        else
        {
            report.ShouldContain(Missing);
        }
    }
}
