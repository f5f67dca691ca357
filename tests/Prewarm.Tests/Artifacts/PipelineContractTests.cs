using Prewarm.Core.Recipes;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Artifacts;

/// <summary>The stages through the real host: what build-env.json records is what the Dockerfile
/// builds, custom tier names reach the Dockerfile, and stale inputs name the task to run.</summary>
[TestFixture]
[Category("Slow")] // starts the build host (which runs rustc -vV)
public sealed class PipelineContractTests
{
    private TemporaryTree _tree = null!;
    private string _shop = null!;
    private string _artifacts = null!;

    [SetUp]
    public void SetUp()
    {
        _tree = new TemporaryTree();
        _shop = _tree.CopyFixture("tests/examples/shop", "shop");
        _artifacts = _tree["artifacts"];
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private Task<BuildHostProcess.Result> Run(params string[] args) =>
        BuildHostProcess.RunAsync(_tree.Root, [.. args, $"--repo={_shop}", $"--artifacts={_artifacts}"]);

    [Test]
    public async Task The_dockerfile_builds_the_profile_build_env_json_records()
    {
        var result = await Run("--target=Dockerfile");
        result.ExitCode.ShouldBe(0, result.All);

        var environment = BuildEnvironment.FromJson(File.ReadAllText(Path.Combine(_artifacts, "recipes", "shop", "build-env.json")), "build-env.json");
        environment.Profile.ShouldBe("dev");
        var dockerfile = File.ReadAllText(Path.Combine(_artifacts, "docker", "shop", "Dockerfile"));
        // dev is cargo's default profile: the one spelling of the build names no profile.
        dockerfile.ShouldContain("cargo build --workspace --locked --message-format=json-render-diagnostics > /build/prewarm/build-messages.json");
        dockerfile.ShouldNotContain("--release");

        var drift = await Run("--target=Dockerfile", "--exclusive", "--release");
        drift.ExitCode.ShouldNotBe(0);
        drift.All.ShouldContain("recipe-manifest.json: stale (--profile: made for dev, this run builds release); the Recipe task writes it again (run --target=Recipe, or drop --exclusive)");
    }

    [Test]
    public async Task Custom_tier_names_from_tiers_reach_the_dockerfile()
    {
        var tiers = _tree["tiers.json"];
        File.WriteAllText(tiers, """{"tiers": {"base": ["serde", "anyhow"], "net": ["tokio"]}}""");

        var result = await Run("--target=Dockerfile", $"--tiers={tiers}", "--release");
        result.ExitCode.ShouldBe(0, result.All);

        var dockerfile = File.ReadAllText(Path.Combine(_artifacts, "docker", "shop", "Dockerfile"));
        dockerfile.ShouldContain("cd /build/warmup/base && cargo build --release --message-format=json-render-diagnostics > /build/prewarm/tiers/tier-base.json\n");
        // No tier is built --locked: a tier's lockfile pins versions but may carry entries cargo drops (TierLockfileTests).
        dockerfile.ShouldContain("cd /build/warmup/net && cargo build --release --message-format=json-render-diagnostics > /build/prewarm/tiers/tier-net.json\n");
        dockerfile.ShouldNotContain("warmup/core");
        File.ReadAllText(Path.Combine(_artifacts, "warmup", "tiers.json")).ShouldContain("\"base\"");
    }

    /// <summary>warmup/tiers.json is the only tier record: after a Recipe for another repository with other
    /// tiers, an --exclusive Dockerfile renders the tiers that exist (before, the ones recipe-manifest.json
    /// had recorded, whose directories were gone).</summary>
    [Test]
    public async Task An_exclusive_dockerfile_renders_the_tiers_the_last_recipe_wrote()
    {
        var tiers = _tree["tiers.json"];
        File.WriteAllText(tiers, """{"tiers": {"base": ["serde", "anyhow"], "net": ["tokio"]}}""");
        (await Run("--target=Dockerfile", $"--tiers={tiers}")).ExitCode.ShouldBe(0);
        var other = _tree.CopyFixture("tests/examples/shop", "other");
        (await BuildHostProcess.RunAsync(_tree.Root, "--target=Recipe", $"--repo={other}", $"--artifacts={_artifacts}")).ExitCode.ShouldBe(0);

        var result = await Run("--target=Dockerfile", "--exclusive");

        result.ExitCode.ShouldBe(0, result.All);
        var dockerfile = File.ReadAllText(Path.Combine(_artifacts, "docker", "shop", "Dockerfile"));
        dockerfile.ShouldContain("cd /build/warmup/core && cargo build --message-format=json-render-diagnostics > /build/prewarm/tiers/tier-core.json\n");
        dockerfile.ShouldNotContain("warmup/base");
        dockerfile.ShouldNotContain("warmup/net");
    }

    [Test]
    public async Task Recipe_refuses_a_scan_json_whose_inputs_changed()
    {
        (await Run("--target=Scan")).ExitCode.ShouldBe(0);
        File.AppendAllText(Path.Combine(_shop, "crates", "domain", "Cargo.toml"), "\n# edited after the scan\n");

        var stale = await Run("--target=Recipe", "--exclusive");
        stale.ExitCode.ShouldNotBe(0);
        stale.All.ShouldContain($"scan.json: stale ({_shop}/crates/domain/Cargo.toml changed since the scan); the Scan task writes it again (run --target=Scan, or drop --exclusive)");

        (await Run("--target=Recipe")).ExitCode.ShouldBe(0);
    }
}
