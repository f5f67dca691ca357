
namespace Prewarm.Tests.Docker;

/// <summary>A Cargo.lock of version 4 (what any cargo ≥ 1.78 writes) and the base image's cargo 1.65
/// (Debian bookworm's): the Image task refuses it in one line before any build step, instead of the
/// image's cargo failing after the tiers were built; a second run asks the cached answer, starting no
/// container; Doctor reports the same line.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class ToolchainCheckTests
{
    private TemporaryDirectory _work = null!;
    private string _repository = null!;

    private string Refusal => $"{_repository}/Cargo.lock: lockfile version 4 needs cargo ≥ 1.78; the base image {LocalRegistry.BaseImage} has cargo 1.65.0 (write version = 3, or use a base image with a newer toolchain)";

    [OneTimeSetUp]
    public async Task CopyTheExampleWithAVersion4Lockfile()
    {
        await LocalRegistry.EnsureAsync();
        _work = new TemporaryDirectory("prewarm-toolchain-check-");
        _repository = Path.Combine(_work.Path, "shop");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), _repository);
        var lockfile = Path.Combine(_repository, "Cargo.lock");
        File.WriteAllText(lockfile, File.ReadAllText(lockfile).Replace("\nversion = 3\n", "\nversion = 4\n"));
    }

    [OneTimeTearDown]
    public void CleanUp() => _work?.Dispose();

    [Test]
    public async Task Image_refuses_a_lockfile_the_image_s_cargo_cannot_read_before_building()
    {
        var artifacts = Path.Combine(_work.Path, "artifacts-image");
        string[] image = ["--target=Image", $"--repo={_repository}", $"--artifacts={artifacts}", $"--base-image={LocalRegistry.BaseImage}",
            "--tag=prewarm-test/shop-toolchain:refused", "--verbosity=diagnostic"];

        var first = await BuildHostProcess.RunAsync(_work.Path, image);

        first.ExitCode.ShouldNotBe(0);
        first.All.ShouldContain(Refusal);
        first.All.ShouldContain("cargo -V && rustc -V", customMessage: "the image was asked");
        File.Exists(Path.Combine(artifacts, "docker", "shop", "build.log")).ShouldBeFalse("nothing was built");
        File.Exists(Path.Combine(artifacts, "docker", "toolchains.json")).ShouldBeTrue();

        var second = await BuildHostProcess.RunAsync(_work.Path, [.. image, "--exclusive"]);

        second.ExitCode.ShouldNotBe(0);
        second.All.ShouldContain(Refusal);
        second.All.ShouldNotContain("cargo -V && rustc -V", customMessage: "the answer for this image id was kept: no container");
    }

    [Test]
    public async Task Doctor_runs_the_same_check()
    {
        var artifacts = Path.Combine(_work.Path, "artifacts-doctor");
        var cache = Directory.CreateDirectory(Path.Combine(_work.Path, "cache")).FullName;

        var doctor = await BuildHostProcess.RunAsync(_work.Path,
            "--target=Doctor", $"--repo={_repository}", $"--base-image={LocalRegistry.BaseImage}", $"--artifacts={artifacts}",
            $"--cargo-home={cache}", $"--target-dir={cache}", $"--sccache-dir={cache}", "--min-free-gb=0");

        doctor.ExitCode.ShouldNotBe(0);
        File.ReadAllText(Path.Combine(artifacts, "doctor", "doctor.md")).ShouldContain(Refusal);
    }
}
