using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>
/// A tier's Cargo.lock is assembled from the scanned lockfiles. Across two repositories it pins
/// the versions cargo keeps but carries entries only another build's features pulled in (the
/// example's tokio locks mio and bytes): cargo refuses it with --locked and builds it without,
/// keeping every pinned version. That is why the Dockerfile builds tiers without --locked.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class TierLockfileTests
{
    [Test]
    public async Task A_tier_of_two_repositories_builds_at_the_scanned_versions_without_locked()
    {
        using var work = new TemporaryDirectory("prewarm-tier-lock-");
        var shop = Path.Combine(work.Path, "shop");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), shop);
        var billing = Path.Combine(work.Path, "billing");
        Directory.CreateDirectory(Path.Combine(billing, "src"));
        Directory.CreateDirectory(Path.Combine(billing, ".cargo"));
        var config = Path.Combine(shop, ".cargo", "config.toml");
        File.Copy(config, Path.Combine(billing, ".cargo", "config.toml"));
        File.WriteAllText(Path.Combine(billing, "Cargo.toml"), "[package]\nname = \"billing\"\nversion = \"0.1.0\"\nedition = \"2021\"\nrust-version = \"1.63\"\n\n[dependencies]\nanyhow = \"1\"\nserde_json = \"1\"\ntokio = { version = \"1\", features = [\"rt-multi-thread\", \"macros\"] }\n");
        File.WriteAllText(Path.Combine(billing, "src", "main.rs"), "fn main() {}\n");
        (await Cargo(billing, "generate-lockfile", "--offline")).ExitCode.ShouldBe(0);
        var tiers = Path.Combine(work.Path, "tiers.json");
        File.WriteAllText(tiers, """{"tiers": {"core": ["serde", "anyhow"]}, "minRepositories": 2}""");
        var artifacts = Path.Combine(work.Path, "artifacts");

        var recipe = await BuildHostProcess.RunAsync(work.Path, "--target=Recipe", $"--repo={shop}", $"--repo={billing}", $"--artifacts={artifacts}", $"--tiers={tiers}", "--profile=release");

        recipe.ExitCode.ShouldBe(0, recipe.All);
        var core = Path.Combine(artifacts, "warmup", "core");
        Directory.CreateDirectory(Path.Combine(core, ".cargo"));
        File.Copy(config, Path.Combine(core, ".cargo", "config.toml"));
        var scanned = File.ReadAllText(Path.Combine(core, "Cargo.lock"));
        scanned.ShouldContain("name = \"mio\"");

        var locked = await Cargo(core, "build", "--release", "--locked");
        var unlocked = await Cargo(core, "build", "--release", "--offline");

        locked.ExitCode.ShouldNotBe(0);
        locked.StandardError.ShouldContain("--locked");
        unlocked.ExitCode.ShouldBe(0, unlocked.StandardError);
        var kept = File.ReadAllText(Path.Combine(core, "Cargo.lock"));
        kept.ShouldContain("name = \"tokio\"\nversion = \"1.24.2\"");
        kept.ShouldContain("name = \"serde\"\nversion = \"1.0.152\"");
        kept.ShouldNotContain("name = \"mio\"");
    }

    private static Task<CargoProcess.Result> Cargo(string directory, params string[] args) =>
        CargoProcess.RunAsync(directory, args, check: false);
}
