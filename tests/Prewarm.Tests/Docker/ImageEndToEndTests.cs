using System.Text;
using CliWrap;
using Prewarm.Core.Docker;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// The Image task on a real engine (integrated BuildKit: buildx is not installable here), on a copy
/// of the bundled example: cold build, source-only rebuild with every warmup and skeleton layer
/// CACHED, a dependency change that compiles only the crate it adds (seeded from the previous image), cargo tree inside, and a
/// build interrupted with Ctrl-C that leaves the previous image in place.
/// The tests run in order on one image; each builds on the state the previous one left.
/// </summary>
[Category("Docker")]
public sealed class ImageEndToEndTests : DockerEndToEndFixture
{
    private const string Tag = "prewarm-test/shop-builder:e2e";
    private string _repository = null!;
    private string _tiers = null!;

    [OneTimeSetUp]
    public async Task BuildCold()
    {
        await StartAsync("prewarm-image-", registry: false, Tag);
        _repository = CopyExample();
        _tiers = WriteTiers(ShopTiers);

        var cold = await BuildImageAsync();
        cold.ExitCode.ShouldBe(0, cold.All);
    }

    [Test, Order(1)]
    public async Task The_image_exists_with_oci_labels()
    {
        var inspect = await DockerRequirement.RunAsync("image", "inspect", Tag, "--format", "{{json .Config.Labels}}");

        inspect.ExitCode.ShouldBe(0, inspect.StandardError);
        inspect.StandardOutput.ShouldContain("org.opencontainers.image.created");
        File.Exists(Path.Combine(Artifacts, "docker", "shop", "docker-bake.json")).ShouldBeTrue();
    }

    [Test, Order(2)]
    public async Task A_source_only_change_leaves_every_warmup_and_skeleton_layer_cached()
    {
        var source = Path.Combine(_repository, "crates", "domain", "src", "lib.rs");
        File.AppendAllText(source, "\n// a source-only change\n");

        var result = await BuildImageAsync();

        result.ExitCode.ShouldBe(0, result.All);
        var steps = Steps();
        var prewarmed = steps.Where(s => s.Instruction.Contains("/build/warmup/", StringComparison.Ordinal) || s.Instruction.Contains("prewarm/skeleton", StringComparison.Ordinal) || IsSkeletonBuild(s)).ToList();
        prewarmed.Count.ShouldBeGreaterThanOrEqualTo(4, Describe(steps));
        prewarmed.ShouldAllBe(s => s.Status == BuildStepStatus.Cached, Describe(steps));
        steps.ShouldContain(s => s.Instruction.StartsWith("COPY", StringComparison.Ordinal) && s.Instruction.Contains("source/", StringComparison.Ordinal) && s.Status == BuildStepStatus.Done, Describe(steps));
    }

    [Test, Order(3)]
    public async Task Cargo_tree_inside_the_image_lists_the_warmed_dependencies()
    {
        var tree = await DockerRequirement.RunAsync("run", "--rm", Tag, "sh", "-c", "cd /build/src && cargo tree --depth 1 --offline -p shop-server");

        tree.ExitCode.ShouldBe(0, tree.StandardError);
        tree.StandardOutput.ShouldContain("tokio v1.24.2");
        tree.StandardOutput.ShouldContain("hyper v0.14.19");
        tree.StandardOutput.ShouldContain("shop-domain v0.3.1");
    }

    /// <summary>Issue 21: seeded from the previous image, the tiers find every unit fresh and the skeleton
    /// compiles the one crate added and nothing else outside the workspace.</summary>
    [Test, Order(4)]
    public async Task A_dependency_change_compiles_only_its_own_crates()
    {
        var manifest = Path.Combine(_repository, "crates", "domain", "Cargo.toml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("thiserror.workspace = true", "thiserror.workspace = true\nmemchr = \"2\"", StringComparison.Ordinal));
        var lockfile = Path.Combine(_repository, "Cargo.lock");
        File.WriteAllText(lockfile, File.ReadAllText(lockfile).Replace("name = \"shop-domain\"\nversion = \"0.3.1\"\ndependencies = [\n", "name = \"shop-domain\"\nversion = \"0.3.1\"\ndependencies = [\n \"memchr\",\n", StringComparison.Ordinal));

        var result = await BuildImageAsync();

        result.ExitCode.ShouldBe(0, result.All);
        var steps = Steps();
        steps.Where(IsTier).SelectMany(s => Compiled(s)).ShouldBeEmpty(Describe(steps));
        var skeleton = steps.Single(IsSkeletonBuild);
        skeleton.Status.ShouldBe(BuildStepStatus.Done, Describe(steps));
        Compiled(skeleton).Where(c => !c.StartsWith("shop-", StringComparison.Ordinal)).Count().ShouldBeLessThanOrEqualTo(2, string.Join(", ", Compiled(skeleton)));
        result.StandardOutput.ShouldContain("Seed linux/amd64: prewarm-test/shop-builder:prewarm-seed-e2e (dependency inputs changed");
        ImageRecord().GetProperty("seeds").GetProperty("linux/amd64").GetProperty("reason").GetString()!.ShouldStartWith("dependency inputs changed since");
    }

    [Test, Order(5)]
    public async Task Verify_proves_from_the_image_that_every_dependency_unit_was_fresh()
    {
        var result = await BuildHostProcess.RunAsync(Work, "--target=Verify", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}");

        result.ExitCode.ShouldBe(0, result.All);
        result.StandardOutput.ShouldContain($"in the builder image {Tag}");
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var text = report.RootElement.GetRawText();
        text.ShouldContain(Tag);
        var markdown = File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.md"));
        markdown.ShouldContain("tokio");
        markdown.ShouldNotContain("missing", Case.Sensitive);
        markdown.ShouldContain($"sccache: not checked ({Tag} was built without sccache; render its Dockerfile with --sccache=on to measure it).");
    }

    [Test, Order(6)]
    public async Task A_dead_daemon_is_one_clear_line()
    {
        var result = await BuildHostProcess.RunWithEnvironmentAsync(
            Work,
            new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{Work}/no-daemon.sock" },
            "--target=Image", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}", "--platform=linux/amd64", $"--tag={Tag}");

        result.ExitCode.ShouldNotBe(0);
        var error = result.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal));
        error.ShouldContain("daemon", Case.Insensitive);
    }

    [Test, Order(7)]
    public async Task An_unknown_platform_is_one_clear_line()
    {
        var result = await BuildHostProcess.RunAsync(Work, "--target=Image", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}", "--platform=linux/sparc99");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("linux/sparc99");
    }

    [Test, Order(8)]
    public async Task A_planted_registry_token_appears_in_no_artifact_and_no_log()
    {
        const string token = "cio_PLANTED_secret_9f8e7d6c";
        var result = await BuildHostProcess.RunWithEnvironmentAsync(
            Work,
            new Dictionary<string, string> { ["CARGO_REGISTRIES_CORP_TOKEN"] = token },
            "--target=Verify", $"--repo={_repository}", $"--artifacts={Artifacts}", $"--tiers={_tiers}", "--verbosity=diagnostic",
            $"--base-image={DockerRequirement.BaseImage}", "--platform=linux/amd64", $"--tag={Tag}", $"--uid={Uid}", $"--gid={Uid}",
            "--secret=id=corp-token,env=CARGO_REGISTRIES_CORP_TOKEN");

        result.ExitCode.ShouldBe(0, result.All);
        result.All.ShouldNotContain(token);
        foreach (var file in Directory.GetFiles(Artifacts, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).ShouldNotContain(token, customMessage: file);
        }

        var history = await DockerRequirement.RunAsync("image", "inspect", Tag);
        history.StandardOutput.ShouldNotContain(token);
    }

    [Test, Order(9)]
    public async Task A_terminated_image_build_keeps_the_previous_image_and_the_next_build_succeeds()
    {
        var before = await ImageIdAsync();

        // A build script that takes its time gives the interrupt a window that no machine's speed can
        // close: the build is still running when Ctrl-C arrives.
        File.WriteAllText(Path.Combine(_repository, "crates", "domain", "build.rs"), "fn main() { std::thread::sleep(std::time::Duration::from_secs(20)); }\n");

        using var forceful = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = new StringBuilder();
        var run = Cli.Wrap("dotnet").WithArguments([RepositoryLayout.BuildDll, .. ImageArguments()]).WithWorkingDirectory(Work)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync(forceful.Token);

        // SIGTERM (what CI runners send on cancel) while cargo runs that build script inside the build
        // container; Ctrl-C takes the same path and is tested on Cook (Reliability/InterruptedRunTests).
        const string AppBuild = "shop-domain-[0-9a-f]+/build-script-build";
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await ProcessTable.MatchingAsync(AppBuild)).Length == 0)
        {
            if (DateTime.UtcNow > deadline || run.Task.IsCompleted)
            {
                Assert.Fail($"the image build was not seen running the build script:\n{output}");
            }

            await Task.Delay(100);
        }

        await Signals.SendAsync(run.ProcessId, "TERM");
        var signalled = DateTime.UtcNow;
        var result = await run;
        result.ExitCode.ShouldNotBe(0, $"the interrupted build reported success:\n{output}");
        (DateTime.UtcNow - signalled).ShouldBeLessThan(TimeSpan.FromSeconds(15), $"the host did not stop on SIGTERM:\n{output}");

        // Killing the docker client ends its BuildKit session; the daemon then cancels the RUN step.
        var context = Path.Combine(Artifacts, "docker", "shop", "context");
        var settled = DateTime.UtcNow.AddSeconds(30);
        while (((await ProcessTable.MatchingAsync(AppBuild)).Length > 0 || (await ProcessTable.MatchingAsync(context)).Length > 0) && DateTime.UtcNow < settled)
        {
            await Task.Delay(250);
        }

        (await ProcessTable.MatchingAsync(AppBuild)).ShouldBeEmpty("cargo kept building in the daemon after the interrupt");
        (await ProcessTable.MatchingAsync(context)).ShouldBeEmpty("the docker client outlived the interrupted host");
        Directory.GetFiles(Artifacts, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        (await ImageIdAsync()).ShouldBe(before, $"an interrupted build must not move the tag; the interrupted run said:\n{output}");
        using (var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", "shop", "image.json"))))
        {
            record.RootElement.GetProperty("image").GetString().ShouldBe(Tag);
        }

        var again = await BuildImageAsync();

        again.ExitCode.ShouldBe(0, again.All);
        (await ImageIdAsync()).ShouldNotBe(before);
        var steps = Steps();
        steps.Where(IsTier).SelectMany(s => Compiled(s)).ShouldBeEmpty(Describe(steps));
    }

    private static async Task<string> ImageIdAsync()
    {
        var inspect = await DockerRequirement.RunAsync("image", "inspect", Tag, "--format", "{{.Id}}");
        inspect.ExitCode.ShouldBe(0, inspect.StandardError);
        return inspect.StandardOutput.Trim();
    }

    private static bool IsTier(BuildStep step) => step.Instruction.Contains("/build/warmup/", StringComparison.Ordinal);

    private static bool IsSkeletonBuild(BuildStep step) =>
        step.Instruction.StartsWith("RUN", StringComparison.Ordinal) && step.Instruction.Contains("cargo build", StringComparison.Ordinal)
        && !step.Instruction.Contains("/build/warmup/", StringComparison.Ordinal) && !step.Instruction.Contains("touch", StringComparison.Ordinal);

    private Task<BuildHostProcess.Result> BuildImageAsync() => BuildHostProcess.RunAsync(Work, ImageArguments());

    private string[] ImageArguments() =>
    [
        "--target=Image", $"--repo={_repository}", $"--artifacts={Artifacts}", $"--tiers={_tiers}",
        $"--base-image={DockerRequirement.BaseImage}", "--platform=linux/amd64", $"--tag={Tag}", $"--uid={Uid}", $"--gid={Uid}",
    ];
}
