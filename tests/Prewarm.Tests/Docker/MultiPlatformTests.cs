using System.Text.Json;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// amd64 and arm64 from one Warmup run on the engine's integrated BuildKit (no buildx): each
/// platform built in turn (arm64 under qemu's binfmt emulation) into a target directory of its own,
/// pushed, and joined under one tag in the local registry; Verify checks each platform. The
/// repository is one binary with one small dependency, so emulated compilation stays short.
/// </summary>
[Category("Docker")]
public sealed class MultiPlatformTests : DockerEndToEndFixture
{
    private string _tag = null!;
    private BuildHostProcess.Result _warmup = null!;

    [OneTimeSetUp]
    public async Task WarmBothPlatforms()
    {
        _tag = RegistryTag("hello-platform");
        await StartAsync("prewarm-platforms-", registry: true, _tag, $"{_tag}-linux-amd64", $"{_tag}-linux-arm64");
        var repository = await PackageAsync("hello-platform", """
            [package]
            name = "hello-platform"
            version = "0.1.0"
            edition = "2021"
            # cargo writes a lockfile the image's older cargo (Debian's 0.66) reads: version 3.
            rust-version = "1.63"

            [dependencies]
            itoa = "1"
            """, "main.rs", """
            fn main() {
                let mut buffer = itoa::Buffer::new();
                println!("hello from {} ({} bits)", std::env::consts::ARCH, buffer.format(usize::BITS));
            }
            """);

        _warmup = await BuildHostProcess.RunAsync(Work,
            "--target=Warmup", $"--repo={repository}", $"--artifacts={Artifacts}", $"--base-image={LocalRegistry.BaseImage}",
            "--platform=linux/amd64,linux/arm64", $"--tag={_tag}", "--push", $"--uid={Uid}", $"--gid={Uid}", "--profile=release",
            "--min-fresh-share=100");
    }

    [Test, Order(1)]
    public async Task The_pushed_tag_lists_both_platforms()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        var manifest = await DockerRequirement.RunAsync("manifest", "inspect", "--insecure", _tag);

        manifest.ExitCode.ShouldBe(0, manifest.StandardError);
        using var list = JsonDocument.Parse(manifest.StandardOutput);
        var platforms = list.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => $"{m.GetProperty("platform").GetProperty("os").GetString()}/{m.GetProperty("platform").GetProperty("architecture").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        platforms.ShouldBe(["linux/amd64", "linux/arm64"]);
    }

    [Test, Order(1)]
    public async Task The_record_names_the_list_digest_the_tag_resolves_to()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        var path = Directory.GetFiles(Artifacts, "image.json", SearchOption.AllDirectories).Single();
        using var record = JsonDocument.Parse(File.ReadAllText(path));
        var manifest = await DockerRequirement.RunAsync("manifest", "inspect", "-v", "--insecure", $"{_tag}-linux-arm64");
        manifest.ExitCode.ShouldBe(0, manifest.StandardError);

        // The list's digest, as the registry serves the tag: what a runner pins to get every platform.
        var listDigest = $"{Prewarm.Core.Docker.ImageReference.Repository(_tag)}@{await LocalRegistry.DigestAsync(_tag)}";
        record.RootElement.GetProperty("digests").EnumerateArray().Select(d => d.GetString()).ShouldBe([listDigest]);
        var perPlatform = record.RootElement.GetProperty("platformDigests");
        perPlatform.GetProperty("linux/arm64").GetString().ShouldNotBe(listDigest);
        perPlatform.GetProperty("linux/arm64").GetString()!.ShouldEndWith(
            JsonDocument.Parse(manifest.StandardOutput).RootElement.GetProperty("Descriptor").GetProperty("digest").GetString()!);
    }

    [TestCase("linux/arm64", "hello from aarch64 (64 bits)", "aarch64")]
    [TestCase("linux/amd64", "hello from x86_64 (64 bits)", "x86-64")]
    [Order(2)]
    public async Task Each_platforms_image_runs_its_own_binary(string platform, string greeting, string machine)
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        await DockerRequirement.RunAsync("image", "rm", "-f", _tag);

        var run = await DockerRequirement.RunAsync("run", "--rm", "--pull=always", "--platform", platform, _tag, "hello-platform");
        var file = await DockerRequirement.RunAsync("run", "--rm", "--pull=always", "--platform", platform, "--entrypoint", "sh", _tag, "-c",
            "od -A n -t x1 -j 18 -N 2 /build/bin/hello-platform");

        run.ExitCode.ShouldBe(0, run.StandardError);
        run.StandardOutput.Trim().ShouldBe(greeting);
        // ELF e_machine: 0x3e x86-64, 0xb7 aarch64.
        file.StandardOutput.Trim().ShouldBe(machine == "aarch64" ? "b7 00" : "3e 00");
    }

    [TestCase("linux/arm64", "arm64", "amd64")]
    [TestCase("linux/amd64", "amd64", "arm64")]
    [Order(3)]
    public async Task Each_platform_compiled_into_its_own_target_directory(string platform, string own, string other)
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);

        var listing = await DockerRequirement.RunAsync("run", "--rm", "--pull=always", "--platform", platform, "--entrypoint", "ls", _tag, "/build/target");

        listing.ExitCode.ShouldBe(0, listing.StandardError);
        listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe([own]);
        listing.StandardOutput.ShouldNotContain(other);
    }

    [Test, Order(4)]
    public void Verify_checked_each_platform()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var repositories = report.RootElement.GetProperty("repositories").EnumerateArray().ToList();

        repositories.Select(r => r.GetProperty("platform").GetString()).Order(StringComparer.Ordinal).ShouldBe(["linux/amd64", "linux/arm64"]);
        foreach (var repository in repositories)
        {
            var units = repository.GetProperty("units");
            units.GetProperty("dependencies").GetInt32().ShouldBeGreaterThan(0);
            units.GetProperty("freshDependencies").GetInt32().ShouldBe(units.GetProperty("dependencies").GetInt32());
        }
    }
}
