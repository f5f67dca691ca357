using System.Text.Json;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// An image rendered with <c>--sccache=on</c> on a real engine: rustc runs through sccache as the
/// build user, its cache mount outlives the build, and Verify reads the statistics the image's last
/// build recorded. The dev profile, cargo's incremental default, is the case sccache cannot cache
/// unless the image turns incremental compilation off. A small package keeps the builds short.
/// </summary>
[Category("Docker")]
public sealed class SccacheImageTests : DockerEndToEndFixture
{
    private const string Tag = "prewarm-test/tally-builder:sccache";
    private const string Library = "pub fn count(haystack: &[u8]) -> usize {\n    memchr::memchr_iter(b'a', haystack).count()\n}\n";
    private string _repository = null!;

    [OneTimeSetUp]
    public async Task CreateRepository()
    {
        await StartAsync("prewarm-sccache-image-", registry: false, Tag);
        _repository = await PackageAsync("tally", "[package]\nname = \"tally\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nmemchr = \"2\"\n", "lib.rs", Library);
        // The base image's cargo (Debian's, 0.66) reads lockfiles up to version 3, which for
        // registry packages is written the same as this machine's version 4.
        var lockfile = Path.Combine(_repository, "Cargo.lock");
        File.WriteAllText(lockfile, File.ReadAllText(lockfile).Replace("\nversion = 4\n", "\nversion = 3\n", StringComparison.Ordinal));
        WriteTiers("""{"tiers": {"core": ["memchr"]}, "minRepositories": 1}""");
    }

    [Test, Order(1)]
    public async Task A_cold_build_compiles_through_sccache_and_verify_reads_its_statistics()
    {
        var build = await BuildImageAsync();

        build.ExitCode.ShouldBe(0, build.All);
        File.ReadAllText(Path.Combine(Artifacts, "docker", "tally", "Dockerfile")).ShouldContain("RUSTC_WRAPPER=sccache");
        var stats = await VerifiedSccacheAsync();
        stats.GetProperty("misses").GetInt32().ShouldBeGreaterThan(0, "the workspace's library was compiled through sccache for the first time");
        stats.GetProperty("gated").GetBoolean().ShouldBeFalse();
    }

    [Test, Order(2)]
    public async Task Sources_compiled_once_before_are_answered_from_the_sccache_mount_in_a_later_build()
    {
        // Change the library, build, then restore it: the restored library is what the first build
        // compiled, so only a cache mount that kept sccache's entries (writable by the build user) hits.
        // A new file beside it keeps BuildKit from simply reusing the first build's layers.
        var library = Path.Combine(_repository, "src", "lib.rs");
        File.WriteAllText(library, Library + "\npub fn twice(haystack: &[u8]) -> usize {\n    2 * count(haystack)\n}\n");
        (await BuildImageAsync()).ExitCode.ShouldBe(0);
        File.WriteAllText(library, Library);
        File.WriteAllText(Path.Combine(_repository, "README.md"), "tally\n");

        var build = await BuildImageAsync();

        build.ExitCode.ShouldBe(0, build.All);
        var stats = await VerifiedSccacheAsync();
        stats.GetProperty("hits").GetInt32().ShouldBeGreaterThan(0, stats.GetRawText());
    }

    [Test, Order(3)]
    public async Task A_failing_build_step_is_one_line_with_cargos_own_reason()
    {
        // A feature memchr does not have: nothing before the build can know a registry crate's features
        // (a lockfile the image's cargo cannot read is refused before building, ToolchainCheckTests), so
        // the first tier's cargo build is the step that fails, with cargo's own reason.
        var manifest = Path.Combine(_repository, "Cargo.toml");
        var original = File.ReadAllText(manifest);
        File.WriteAllText(manifest, original.Replace("memchr = \"2\"", "memchr = { version = \"2\", features = [\"no-such-feature\"] }", StringComparison.Ordinal));
        try
        {
            var build = await BuildImageAsync();

            build.ExitCode.ShouldNotBe(0);
            var error = build.All.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal));
            error.ShouldContain("`cd /build/warmup/core && cargo build --message-format=json-render-diagnostics > /build/prewarm/tiers/tier-core.json` failed: error: failed to select a version for `memchr`", Case.Sensitive, error);
            error.ShouldNotContain("--mount=");
        }
        finally
        {
            File.WriteAllText(manifest, original);
        }
    }

    /// <summary>Runs Verify (default thresholds) and returns the <c>sccache</c> object of its JSON report.</summary>
    private async Task<JsonElement> VerifiedSccacheAsync()
    {
        var verify = await BuildHostProcess.RunAsync(Work, "--target=Verify", "--exclusive", $"--repo={_repository}", $"--artifacts={Artifacts}");
        verify.ExitCode.ShouldBe(0, verify.All);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var repository = report.RootElement.GetProperty("repositories")[0];
        repository.GetProperty("sccache").ValueKind.ShouldBe(JsonValueKind.Object, repository.GetRawText());
        return repository.GetProperty("sccache").Clone();
    }

    private Task<BuildHostProcess.Result> BuildImageAsync() => BuildHostProcess.RunAsync(
        Work,
        "--target=Image", $"--repo={_repository}", $"--artifacts={Artifacts}", $"--tiers={Path.Combine(Work, "tiers.json")}", "--sccache=on", "--profile=dev",
        $"--base-image={DockerRequirement.BaseImage}", "--platform=linux/amd64", $"--tag={Tag}", $"--uid={Uid}", $"--gid={Uid}");
}
