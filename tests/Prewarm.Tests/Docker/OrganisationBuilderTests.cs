using System.Text.Json;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// One builder image for an organisation: the bundled example and a second workspace go into it,
/// it is pushed; a third repository (sharing crates with both, plus one neither has) is built FROM
/// it on a fresh engine that has nothing but the registry, and its skeleton step compiles only what
/// the builder lacks — which Verify reports, with the reason for each crate it compiled.
/// </summary>
[Category("Docker")]
public sealed class OrganisationBuilderTests : DockerEndToEndFixture
{
    private string _builderTag = null!;
    private string _tiers = null!;
    private string[] _repositories = null!;
    private BuildHostProcess.Result _built = null!;

    [OneTimeSetUp]
    public async Task BuildTheOrganisationsBuilder()
    {
        await StartAsync("prewarm-org-builder-", registry: true);
        _builderTag = RegistryTag("org-builder");
        var shop = CopyExample();
        var billing = await WorkspaceAsync("billing", """
            anyhow = "1"
            regex = "1"
            serde_json = "1"
            tokio = { version = "1", features = ["rt-multi-thread", "macros"] }
            """);
        _repositories = [shop, billing];
        _tiers = WriteTiers("""{"tiers": {"core": ["serde", "anyhow"]}, "minRepositories": 2}""");

        _built = await BuildHostProcess.RunAsync(Work, [.. Common(), .. _repositories.Select(r => $"--repo={r}"), "--target=BuilderImage", "--push"]);
    }

    [Test, Order(1)]
    public void The_builder_records_what_it_holds_and_is_pushed_under_a_content_tag()
    {
        _built.ExitCode.ShouldBe(0, _built.All);
        using var contents = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", "_builder", "builder.json")));
        contents.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()).ShouldBe(["shop", "billing"]);
        // Crates both repositories use are warmed in a tier; the skeletons bring the rest.
        contents.RootElement.GetProperty("tiers").GetProperty("core").EnumerateArray().Select(c => c.GetString()).ShouldContain("anyhow");
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", "_builder", "image.json")));
        var image = record.RootElement.GetProperty("image").GetString()!;
        image.ShouldBe($"{LocalRegistry.Address}/prewarm-test/org-builder:{contents.RootElement.GetProperty("fingerprint").GetString()![..16]}");
        record.RootElement.GetProperty("pushed").GetBoolean().ShouldBeTrue();
    }

    [Test, Order(2)]
    public async Task The_same_inputs_build_nothing()
    {
        _built.ExitCode.ShouldBe(0, _built.All);
        var log = Path.Combine(Artifacts, "docker", "_builder", "build.log");
        var before = File.GetLastWriteTimeUtc(log);

        var again = await BuildHostProcess.RunAsync(Work, [.. Common(), .. _repositories.Select(r => $"--repo={r}"), "--target=BuilderImage", "--push"]);

        again.ExitCode.ShouldBe(0, again.All);
        again.StandardOutput.ShouldContain("exists (same inputs): nothing to build");
        File.GetLastWriteTimeUtc(log).ShouldBe(before);
    }

    [Test, Order(3)]
    public async Task A_third_repository_on_a_fresh_runner_compiles_only_what_the_builder_lacks()
    {
        _built.ExitCode.ShouldBe(0, _built.All);
        var reports = await WorkspaceAsync("reports", """
            anyhow = "1"
            itertools = "0.10"
            regex = "1"
            serde = { version = "1", features = ["derive"] }
            serde_json = "1"
            """);
        var builder = ContentTag();
        await using var runner = await FreshEngine.StartAsync();

        var result = await BuildHostProcess.RunWithEnvironmentAsync(Work, runner.Environment,
            [.. Common(), $"--repo={reports}", "--target=Warmup", $"--builder-image={builder}", $"--tag={LocalRegistry.Address}/prewarm-test/reports:{Uid}", "--min-fresh-share=100"]);

        result.ExitCode.ShouldBe(0, result.All);
        File.ReadAllText(Path.Combine(Artifacts, "docker", "reports", "Dockerfile")).ShouldContain($"ARG BASE_IMAGE={builder}");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.json")));
        var units = report.RootElement.GetProperty("repositories")[0].GetProperty("units");
        var missed = units.GetProperty("missedInBuilder").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("reason").GetString()!);
        missed["itertools"].ShouldBe("not in the builder image");
        missed.Keys.ShouldNotContain("regex", "regex came with the billing workspace's dependency build");
        missed.Keys.ShouldNotContain("anyhow", "anyhow is in both repositories' builds and the core tier");
        // Crates the builder has, compiled with another feature set (cargo unifies features per
        // build: shop's serde and syn carry more), are named with both sets.
        missed.Where(m => m.Key is not ("itertools" or "either")).ShouldAllBe(m => m.Value.StartsWith("builder has ", StringComparison.Ordinal));
        units.GetProperty("fromBuilderImage").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
        File.ReadAllText(Path.Combine(Artifacts, "verify", "verify.md")).ShouldContain("| itertools | 0.10.");
    }

    [Test, Order(4)]
    public async Task A_builder_made_for_another_profile_or_missing_is_one_line_before_any_build()
    {
        _built.ExitCode.ShouldBe(0, _built.All);
        var shop = _repositories[0];
        string[] image = [.. Common(), $"--repo={shop}", "--target=Image", $"--tag={LocalRegistry.Address}/prewarm-test/never:{Uid}"];

        var otherProfile = await BuildHostProcess.RunAsync(Work, [.. image.Where(a => a != "--profile=release"), "--profile=dev", $"--builder-image={ContentTag()}"]);
        var missing = await BuildHostProcess.RunAsync(Work, [.. image, $"--builder-image={LocalRegistry.Address}/prewarm-test/no-such-builder:1"]);

        otherProfile.ExitCode.ShouldNotBe(0);
        otherProfile.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal))
            .ShouldContain($"was built with profile release (this build: dev)");
        missing.ExitCode.ShouldNotBe(0);
        missing.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal))
            .ShouldContain("no-such-builder:1: not in the engine and not pullable");
    }

    private string ContentTag()
    {
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "docker", "_builder", "image.json")));
        return record.RootElement.GetProperty("image").GetString()!;
    }

    private string[] Common() =>
    [
        $"--artifacts={Artifacts}", $"--tiers={_tiers}", $"--base-image={LocalRegistry.BaseImage}", $"--builder-tag={_builderTag}",
        $"--uid={Uid}", $"--gid={Uid}", "--profile=release",
    ];

    /// <summary>A one-binary workspace on the offline registry, locked by cargo (lockfile version 3,
    /// which the image's older cargo reads).</summary>
    private Task<string> WorkspaceAsync(string name, string dependencies) => PackageAsync(name,
        $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\nrust-version = \"1.63\"\n\n[dependencies]\n{dependencies}\n",
        "main.rs", "fn main() { println!(\"ok\"); }\n");
}
