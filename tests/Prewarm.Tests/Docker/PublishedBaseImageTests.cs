using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>
/// The base image tests/setup.sh publishes in the local registry is a manifest list of linux/amd64 and
/// linux/arm64, and its arm64 image really runs Debian's rustc and cargo (under qemu-user-static):
/// it builds a small crate offline from the image's own crate registry into an aarch64 binary.
/// The arm64 image is run by digest, so no local tag is moved to it.
/// </summary>
[TestFixture]
[Category("Docker")]
public sealed class PublishedBaseImageTests
{
    private const string Registry = "127.0.0.1:5000";
    private const string Published = Registry + "/" + DockerRequirement.BaseImage;

    private static readonly BuildPlatform Amd64 = BuildPlatform.Parse("linux/amd64");
    private static readonly BuildPlatform Arm64 = BuildPlatform.Parse("linux/arm64");

    [Test]
    public async Task Lists_amd64_and_arm64_and_the_arm64_image_builds_a_crate_offline()
    {
        await DockerRequirement.EnsureAsync();
        var inspect = await Docker("manifest", "inspect", "--insecure", Published);
        if (inspect.ExitCode != 0)
        {
            var why = $"docker manifest inspect {Published}: {inspect.StandardError.Trim()} (tests/setup.sh publishes it)";
            if (DockerRequirement.Required)
            {
                Assert.Fail(why);
            }

            Assert.Ignore(why);
        }

        var list = ImagePlatforms.ParseManifestInspect(inspect.StandardOutput, Published);
        list.IsList.ShouldBeTrue(inspect.StandardOutput);
        ImagePlatforms.DescribeMissing(Published, [Amd64, Arm64], list.Platforms).ShouldBeNull();
        var arm64 = list.Find(Arm64)?.Digest;
        arm64.ShouldNotBeNull();

        using var crate = new TemporaryDirectory("prewarm-arm64-crate-");
        Directory.CreateDirectory(Path.Combine(crate.Path, "src"));
        Directory.CreateDirectory(Path.Combine(crate.Path, ".cargo"));
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop", ".cargo", "config.toml"), Path.Combine(crate.Path, ".cargo", "config.toml"));
        File.WriteAllText(Path.Combine(crate.Path, "Cargo.toml"), "[package]\nname = \"arch\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ncfg-if = \"1\"\n");
        File.WriteAllText(Path.Combine(crate.Path, "src", "main.rs"),
            "cfg_if::cfg_if! {\n    if #[cfg(target_arch = \"aarch64\")] { const ARCH: &str = \"aarch64\"; } else { const ARCH: &str = \"other\"; }\n}\n\nfn main() {\n    println!(\"built for {ARCH}\");\n}\n");

        var run = await Docker("run", "--rm", "--platform", "linux/arm64", "-v", $"{crate.Path}:/src", "-w", "/src",
            $"{Registry}/prewarm/rust-base@{arm64}",
            "sh", "-c", "uname -m && rustc -vV | grep '^host:' && cargo build --offline -q && ./target/debug/arch && rm -rf target");

        run.ExitCode.ShouldBe(0, run.StandardOutput + run.StandardError);
        run.StandardOutput.ShouldContain("aarch64\n");
        run.StandardOutput.ShouldContain("host: aarch64-unknown-linux-gnu");
        run.StandardOutput.ShouldContain("built for aarch64");
    }

    private static Task<BufferedCommandResult> Docker(params string[] args) =>
        Cli.Wrap(DockerRequirement.Cli)
            .WithArguments(args)
            .WithEnvironmentVariables(e => e.Set("DOCKER_CLI_EXPERIMENTAL", "enabled"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
}
