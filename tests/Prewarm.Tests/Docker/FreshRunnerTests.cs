using System.Text.Json;
using Prewarm.Core.Docker;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// "Warm on the runner that builds next": the bundled example is warmed and its builder image pushed
/// to the local registry with an inline cache; then a second, empty engine (an ephemeral CI runner:
/// no images, no build cache, no cache mounts) builds a source-only change with that image as
/// --cache-from, and Verify must find every dependency unit fresh and only the workspace's crates
/// compiled. Also: the same engine with its cache mounts pruned stays warm, and a registry that
/// refuses the push is one line that leaves the previous record in place.
/// </summary>
[Category("Docker")]
public sealed class FreshRunnerTests : DockerEndToEndFixture
{
    private string _repository = null!;
    private string _tiers = null!;
    private string _tag = null!;

    [OneTimeSetUp]
    public async Task WarmAndPush()
    {
        _tag = RegistryTag("shop-fresh");
        await StartAsync("prewarm-fresh-runner-", registry: true, _tag);
        _repository = CopyExample();
        _tiers = WriteTiers(ShopTiers);

        var cold = await BuildHostProcess.RunAsync(Work, [.. Warmup(), "--push", "--cache-to=type=inline"]);
        cold.ExitCode.ShouldBe(0, cold.All);
    }

    [Test, Order(1)]
    public async Task The_pushed_image_carries_the_compiled_dependencies()
    {
        var record = ImageRecord();
        record.GetProperty("pushed").GetBoolean().ShouldBeTrue();
        record.GetProperty("digests").EnumerateArray().ShouldContain(d => d.GetString()!.StartsWith($"{LocalRegistry.Address}/prewarm-test/shop-fresh@sha256:", StringComparison.Ordinal));
        record.GetProperty("dependencyStorage").GetString().ShouldBe("image");
        // The compiled dependencies are in the layers: the image is well over its base.
        record.GetProperty("sizeOverBaseBytes").GetInt64().ShouldBeGreaterThan(100_000_000);
        (await DockerRequirement.RunAsync("manifest", "inspect", "--insecure", _tag)).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "Dockerfile")).ShouldNotContain("target=/build/target");
    }

    [Test, Order(2)]
    public async Task A_fresh_runner_with_only_the_registry_builds_warm()
    {
        await using var runner = await FreshEngine.StartAsync();
        (await runner.RunAsync("images", "-q")).StandardOutput.Trim().ShouldBeEmpty("the fresh engine must start with nothing");
        File.AppendAllText(Path.Combine(_repository, "crates", "domain", "src", "lib.rs"), "\n// a source-only change on a fresh runner\n");

        var result = await BuildHostProcess.RunWithEnvironmentAsync(Work, runner.Environment, [.. Warmup(), $"--cache-from=type=registry,ref={_tag}"]);

        result.ExitCode.ShouldBe(0, result.All);
        var steps = Steps();
        steps.Where(IsPrewarmStep).Count().ShouldBeGreaterThanOrEqualTo(4, Describe(steps));
        steps.Where(IsPrewarmStep).ShouldAllBe(s => s.Status == BuildStepStatus.Cached, Describe(steps));
        AssertOnlyWorkspaceCompiled();
    }

    [Test, Order(3)]
    public async Task The_same_engine_with_its_cache_mounts_pruned_stays_warm()
    {
        var prune = await DockerRequirement.RunAsync("builder", "prune", "-af", "--filter", "type=exec.cachemount");
        prune.ExitCode.ShouldBe(0, prune.StandardError);
        File.AppendAllText(Path.Combine(_repository, "crates", "domain", "src", "lib.rs"), "\n// a source-only change after the cache mounts went\n");

        var result = await BuildHostProcess.RunAsync(Work, Warmup());

        result.ExitCode.ShouldBe(0, result.All);
        AssertOnlyWorkspaceCompiled();
    }

    [Test, Order(4)]
    public async Task A_registry_that_does_not_answer_is_one_line_and_the_previous_record_stays()
    {
        var before = File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "image.json"));
        const string Unreachable = "127.0.0.1:5999/prewarm-test/nowhere:1";

        var result = await BuildHostProcess.RunAsync(Work, "--target=Image", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}",
            $"--base-image={LocalRegistry.BaseImage}", $"--tag={Unreachable}", "--push", $"--uid={Uid}", $"--gid={Uid}", "--profile=release");

        result.ExitCode.ShouldNotBe(0);
        var error = result.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal));
        error.ShouldContain($"docker push {Unreachable} failed: the registry 127.0.0.1:5999 does not answer");
        File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "image.json")).ShouldBe(before);
        Directory.GetFiles(Artifacts, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        await DockerRequirement.RunAsync("image", "rm", "-f", Unreachable);
    }

    [Test, Order(5)]
    public async Task A_cache_source_whose_registry_does_not_answer_stops_before_building_and_a_missing_one_is_said()
    {
        var log = Path.Combine(Artifacts, "docker", "shop", "build.log");
        var before = File.ReadAllText(log);
        string[] image = ["--target=Image", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}",
            $"--base-image={LocalRegistry.BaseImage}", $"--tag={_tag}", $"--uid={Uid}", $"--gid={Uid}", "--profile=release"];

        var unreachable = await BuildHostProcess.RunAsync(Work, [.. image, "--cache-from=127.0.0.1:5999/prewarm-test/none:1"]);

        unreachable.ExitCode.ShouldNotBe(0);
        unreachable.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal))
            .ShouldContain("--cache-from 127.0.0.1:5999/prewarm-test/none:1: the registry 127.0.0.1:5999 cannot be read");
        File.ReadAllText(log).ShouldBe(before, "nothing may be built when a cache source cannot be read");

        var missing = $"{LocalRegistry.Address}/prewarm-test/never-pushed:{Uid}";
        var first = await BuildHostProcess.RunAsync(Work, [.. image, $"--cache-from={missing}"]);

        first.ExitCode.ShouldBe(0, first.All);
        first.All.ShouldContain($"--cache-from {missing}: no such image in {LocalRegistry.Address} yet (a first run?)");
        ImageRecord().GetProperty("cacheFromMissing").EnumerateArray().Select(e => e.GetString()).ShouldBe([missing]);
    }

    /// <summary>Issue 21 where users meet it: a fresh runner with only the registry, after a dependency change,
    /// starts from the pushed image's units (pulled as the --cache-from image, pinned by its digest): the tiers
    /// compile nothing, the skeleton only the crate added, and every dependency unit of the real build is fresh.</summary>
    [Test, Order(6)]
    public async Task A_dependency_change_on_a_fresh_runner_compiles_only_its_own_crates()
    {
        await using var runner = await FreshEngine.StartAsync();
        var manifest = Path.Combine(_repository, "crates", "domain", "Cargo.toml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("thiserror.workspace = true", "thiserror.workspace = true\nitoa = \"1\"", StringComparison.Ordinal));
        var lockfile = Path.Combine(_repository, "Cargo.lock");
        File.WriteAllText(lockfile, File.ReadAllText(lockfile).Replace("name = \"shop-domain\"\nversion = \"0.3.1\"\ndependencies = [\n", "name = \"shop-domain\"\nversion = \"0.3.1\"\ndependencies = [\n \"itoa\",\n", StringComparison.Ordinal));

        var result = await BuildHostProcess.RunWithEnvironmentAsync(Work, runner.Environment, [.. Warmup(), $"--cache-from=type=registry,ref={_tag}"]);

        result.ExitCode.ShouldBe(0, result.All);
        result.StandardOutput.ShouldContain($"Seed linux/amd64: {LocalRegistry.Address}/prewarm-test/shop-fresh@sha256:");
        var steps = Steps();
        steps.Where(s => s.Instruction.Contains("/build/warmup/", StringComparison.Ordinal)).SelectMany(s => Compiled(s)).ShouldBeEmpty(Describe(steps));
        var skeleton = steps.Single(s => IsPrewarmStep(s) && s.Instruction.Contains("skeleton-messages", StringComparison.Ordinal));
        Compiled(skeleton).Where(c => !c.StartsWith("shop-", StringComparison.Ordinal)).Count().ShouldBeLessThanOrEqualTo(2, string.Join(", ", Compiled(skeleton)));
        AssertOnlyWorkspaceCompiled();
    }

    /// <summary>Verify passed at 100 %; its report must also say the workspace's own crates were the
    /// ones compiled (a build that compiled nothing would prove nothing).</summary>
    private void AssertOnlyWorkspaceCompiled()
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var units = report.RootElement.GetProperty("repositories")[0].GetProperty("units");
        units.GetProperty("dependencies").GetInt32().ShouldBeGreaterThan(50);
        units.GetProperty("freshDependencies").GetInt32().ShouldBe(units.GetProperty("dependencies").GetInt32());
        units.GetProperty("workspace").GetInt32().ShouldBeGreaterThan(0);
        units.GetProperty("freshWorkspace").GetInt32().ShouldBe(0);
    }

    private static bool IsPrewarmStep(BuildStep step) =>
        step.Instruction.Contains("/build/warmup/", StringComparison.Ordinal)
        || step.Instruction.Contains("prewarm/skeleton", StringComparison.Ordinal)
        || (step.Instruction.StartsWith("RUN", StringComparison.Ordinal) && step.Instruction.Contains("cargo build", StringComparison.Ordinal) && !step.Instruction.Contains("touch", StringComparison.Ordinal));

    private string[] Warmup() =>
    [
        "--target=Warmup", $"--repo={_repository}", $"--artifacts={Artifacts}", $"--tiers={_tiers}",
        $"--base-image={LocalRegistry.BaseImage}", $"--tag={_tag}", $"--uid={Uid}", $"--gid={Uid}",
        "--profile=release", "--min-fresh-share=100",
    ];
}
