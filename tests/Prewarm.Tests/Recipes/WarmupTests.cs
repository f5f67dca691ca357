using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;
using Prewarm.Core.Verification;
using Prewarm.Core.Warmup;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>Warmup tiers from the bundled example's scan, checked against real cargo.</summary>
[TestFixture]
[NonParallelizable]
public sealed class WarmupTests
{
    private TemporaryTree _tree = null!;
    private CargoRepository _shop = null!;
    private IReadOnlyList<WarmupCrate> _crates = null!;

    [SetUp]
    public void SetUp()
    {
        _tree = new TemporaryTree();
        _shop = RepositoryScanner.Scan(_tree.CopyFixture("tests/examples/shop", "shop"), "shop");
        _crates = WarmupPlanner.Plan(WarmupDemand.From([_shop]), WarmupCatalog.Default);
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    [Test]
    public void Tiers_are_cumulative_and_use_the_locked_versions_and_unified_features()
    {
        _crates.Select(c => c.Tier).ShouldBe(["core", "web", "db"]);
        var core = _crates[0].Dependencies.Select(d => d.Name).ToList();
        var web = _crates[1].Dependencies.Select(d => d.Name).ToList();
        var db = _crates[2].Dependencies.Select(d => d.Name).ToList();
        core.ShouldContain("serde");
        core.ShouldNotContain("tokio");
        web.ShouldContain("tokio");
        web.ShouldContain("hyper");
        web.ShouldBeSubsetOf(db);
        core.ShouldBeSubsetOf(web);
        db.ShouldContain("tokio-postgres");

        var lockfile = _shop.Lockfiles.Single();
        foreach (var dependency in _crates[2].Dependencies)
        {
            lockfile.FindAll(dependency.Name).Select(p => p.Version).ShouldContain(dependency.Version);
        }

        var files = WarmupFiles.Render(_crates);
        files["core/Cargo.toml"].ShouldContain("serde = {features = [\"derive\"], version = \"=1.0.152\"}");
        files["db/Cargo.toml"].ShouldContain("tokio-postgres = {default-features = false, features = [\"runtime\", \"with-chrono-0_4\", \"with-uuid-1\"]");
        WarmupManifestReader.SelectedCrates(files["web/Cargo.toml"], "web/Cargo.toml").ShouldBe(web.Order(StringComparer.Ordinal).ToArray());
        foreach (var crate in _crates)
        {
            WarmupTierList.Selected(crate).ShouldBe(WarmupManifestReader.SelectedCrates(files[$"{crate.Tier}/Cargo.toml"], crate.Tier));
        }
        WarmupFiles.Render(WarmupPlanner.Plan(WarmupDemand.From([_shop]), WarmupCatalog.Default)).ShouldBe(files);
    }

    [Test]
    [Category("Slow")] // starts cargo or git
    public async Task The_top_tier_lockfile_is_exactly_what_cargo_resolves_and_lower_tiers_keep_the_locked_versions()
    {
        var warmup = _tree["warmup"];
        DirectoryTree.Replace(warmup, WarmupFiles.Render(_crates));
        _tree.Write("warmup/.cargo/config.toml", File.ReadAllText(Path.Combine(_shop.RootPath, ".cargo", "config.toml")));

        // Every scanned crate is in the top tier: its lockfile passes cargo's --locked check unchanged.
        await CargoProcess.RunAsync(Path.Combine(warmup, "db"), ["metadata", "--format-version", "1", "--offline", "--locked"]);

        // Lower tiers carry entries features elsewhere needed; cargo drops those and keeps every version.
        var locked = _shop.Lockfiles.Single().Packages.Select(p => $"{p.Name} {p.Version}").ToHashSet();
        foreach (var tier in new[] { "core", "web" })
        {
            await CargoProcess.RunAsync(Path.Combine(warmup, tier), ["metadata", "--format-version", "1", "--offline"]);
            var resolved = LockfileParser.Parse(File.ReadAllText(Path.Combine(warmup, tier, "Cargo.lock")), tier + "/Cargo.lock");
            resolved.Packages.Where(p => p.Source is not null).Select(p => $"{p.Name} {p.Version}").ShouldBeSubsetOf(locked);
        }
    }

    [Test]
    public void Nothing_scanned_falls_back_to_the_seed_catalog_without_a_lockfile()
    {
        var crates = WarmupPlanner.FromCatalog(WarmupCatalog.Default);
        var files = WarmupFiles.Render(crates);

        files.Keys.ShouldNotContain("core/Cargo.lock");
        files["web/Cargo.toml"].ShouldContain("tokio = {features = [\"macros\", \"net\", \"rt-multi-thread\"], version = \"1\"}");
        files["db/Cargo.toml"].ShouldContain("rusqlite");
        files["core/Cargo.toml"].ShouldNotContain("tokio");
    }

    [Test]
    public void A_tiers_file_replaces_the_catalog_and_bad_ones_name_the_file()
    {
        var catalog = WarmupCatalog.Parse("{\"tiers\": {\"base\": [\"serde\", \"anyhow\"], \"async\": [\"tokio\"]}, \"minRepositories\": 2}", "tiers.json");
        var crates = WarmupPlanner.Plan(WarmupDemand.From([_shop]), catalog);

        crates.Select(c => c.Tier).ShouldBe(["base", "async"]);
        crates[0].Dependencies.Select(d => d.Name).Order(StringComparer.Ordinal).ShouldBe(["anyhow", "serde"]);
        crates[1].Dependencies.Select(d => d.Name).ShouldContain("tokio");
        crates[1].Dependencies.Select(d => d.Name).ShouldNotContain("hyper"); // used by one repository, two required

        Should.Throw<PrewarmException>(() => WarmupCatalog.Parse("{\"tiers\": {\"Bad Name\": []}}", "tiers.json")).Message.ShouldStartWith("tiers.json:");
        Should.Throw<PrewarmException>(() => WarmupCatalog.Parse("{\"tiers\": {\"a\": [\"x\"], \"b\": [\"x\"]}}", "tiers.json")).Message.ShouldContain("more than one tier");
        Should.Throw<PrewarmException>(() => WarmupCatalog.Parse("not json", "tiers.json")).Message.ShouldStartWith("tiers.json:");
    }

    [Test]
    [Category("Slow")]
    public async Task Building_the_top_tier_compiles_the_same_units_the_example_needs()
    {
        var warmup = _tree["warmup"];
        DirectoryTree.Replace(warmup, WarmupFiles.Render(_crates));
        _tree.Write("warmup/.cargo/config.toml", File.ReadAllText(Path.Combine(_shop.RootPath, ".cargo", "config.toml")));
        var target = _tree["target"];
        await CargoProcess.RunAsync(Path.Combine(warmup, "db"), ["build", "--offline", "--locked", "--target-dir", target]);

        var build = await CargoProcess.RunAsync(_shop.RootPath, ["build", "--offline", "--locked", "--target-dir", target, "--message-format=json"]);

        var artifacts = BuildMessages.Parse(build.StandardOutput);
        artifacts.Where(a => a.IsExternal).ShouldNotBeEmpty();
        artifacts.Where(a => a.IsExternal && !a.Fresh).ShouldBeEmpty();
    }
}
