using System.Text.Json;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// --cross on the engine's integrated BuildKit: one Warmup run of the bundled example for linux/arm64
/// whose cargo steps run natively on the build platform and compile with --target
/// aarch64-unknown-linux-gnu, pushed to the local registry; the image for arm64 carries aarch64
/// binaries and the cross-compiled target directory, and Verify proves from its record that every
/// dependency unit was fresh and compiled for that target.
/// </summary>
[Category("Docker")]
public sealed class CrossCompileTests : DockerEndToEndFixture
{
    private string _repository = null!;
    private string _tag = null!;
    private BuildHostProcess.Result _warmup = null!;

    [OneTimeSetUp]
    public async Task CrossBuildForArm64()
    {
        _tag = RegistryTag("shop-cross");
        await StartAsync("prewarm-cross-", registry: true, _tag);
        _repository = CopyExample();

        _warmup = await BuildHostProcess.RunAsync(Work,
            "--target=Warmup", $"--repo={_repository}", $"--artifacts={Artifacts}", $"--base-image={LocalRegistry.CrossBaseImage}",
            "--cross", "--platform=linux/arm64", $"--tag={_tag}", "--push", $"--uid={Uid}", $"--gid={Uid}", "--profile=release",
            "--min-fresh-share=100");
    }

    [Test, Order(1)]
    public async Task The_pushed_image_is_for_arm64_and_its_binary_is_aarch64()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        await DockerRequirement.RunAsync("image", "rm", "-f", _tag);

        var pull = await DockerRequirement.RunAsync("pull", "--platform", "linux/arm64", _tag);
        var architecture = await DockerRequirement.RunAsync("image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", _tag);
        // ELF e_machine of the binary the cross stage linked: 0xb7 is aarch64 (0x3e would be x86-64).
        var machine = await DockerRequirement.RunAsync("run", "--rm", "--platform", "linux/arm64", "--entrypoint", "sh", _tag, "-c",
            "od -A n -t x1 -j 18 -N 2 /build/bin/shop");

        pull.ExitCode.ShouldBe(0, pull.StandardError);
        architecture.StandardOutput.Trim().ShouldBe("linux/arm64");
        machine.ExitCode.ShouldBe(0, machine.StandardError);
        machine.StandardOutput.Trim().ShouldBe("b7 00");
    }

    [Test, Order(2)]
    public async Task The_cross_compiled_target_directory_is_in_the_image_per_architecture()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);

        var listing = await DockerRequirement.RunAsync("run", "--rm", "--platform", "linux/arm64", "--entrypoint", "sh", _tag, "-c",
            "ls /build/target && ls /build/target/arm64");

        listing.ExitCode.ShouldBe(0, listing.StandardError);
        var lines = listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("arm64");
        lines.ShouldContain("aarch64-unknown-linux-gnu");
    }

    [Test, Order(3)]
    public void The_cargo_steps_ran_on_the_build_platform()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        var dockerfile = File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "Dockerfile"));
        var log = File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "build.log"));

        dockerfile.ShouldContain("FROM --platform=$BUILDPLATFORM ${BASE_IMAGE} AS cross-base");
        // BuildKit names each step with its stage; the tiers and the skeleton compiled in the cross stage.
        log.ShouldContain("[cross ");
        log.ShouldContain("cargo build --release --workspace --locked --message-format=json-render-diagnostics > /build/prewarm/skeleton-messages.json");
    }

    [Test, Order(4)]
    public void Verify_proved_every_dependency_unit_fresh_and_compiled_for_aarch64()
    {
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var repository = report.RootElement.GetProperty("repositories").EnumerateArray().Single();

        repository.GetProperty("platform").GetString().ShouldBe("linux/arm64");
        var target = repository.GetProperty("crossTarget");
        target.GetProperty("expected").GetString().ShouldBe("aarch64-unknown-linux-gnu");
        target.GetProperty("compiledFor").EnumerateArray().Select(e => e.GetString()).ShouldBe(["aarch64-unknown-linux-gnu"]);
        var units = repository.GetProperty("units");
        units.GetProperty("dependencies").GetInt32().ShouldBeGreaterThan(20);
        units.GetProperty("freshDependencies").GetInt32().ShouldBe(units.GetProperty("dependencies").GetInt32());
    }
}
