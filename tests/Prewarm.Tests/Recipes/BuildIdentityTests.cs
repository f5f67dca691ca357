using Prewarm.Core;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Core.Settings;
using Prewarm.Core.Warmup;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>One build identity, written once by Recipe and spelled by one function for every stage that
/// compiles; a later stage run with another one is refused naming the option and the task to rerun.</summary>
[TestFixture]
public sealed class BuildIdentityTests
{
    private static readonly BuildIdentity Full = new()
    {
        Profile = "release", Target = "x86_64-unknown-linux-gnu", Features = ["a", "b"], NoDefaultFeatures = true, AllFeatures = true,
        Packages = ["api"], Bins = ["tool"], BinPackages = ["tools"],
    };

    [Test]
    public void Each_step_gets_its_exact_arguments()
    {
        Full.CargoArguments(CargoStep.Build).ShouldBe(["--release", "-p", "api", "--bin", "tool", "--target", "x86_64-unknown-linux-gnu", "--features", "a,b", "--all-features", "--no-default-features"]);
        Full.CargoArguments(CargoStep.Warmup).ShouldBe(["--release", "--target", "x86_64-unknown-linux-gnu"]);
        Full.CargoArguments(CargoStep.Tree).ShouldBe(["-p", "api", "-p", "tools", "--target", "x86_64-unknown-linux-gnu", "--features", "a,b", "--all-features", "--no-default-features"]);
        new BuildIdentity().CargoArguments(CargoStep.Build).ShouldBe(["--workspace"]);
        new BuildIdentity().CargoArguments(CargoStep.Warmup).ShouldBeEmpty();
        new BuildIdentity { Profile = "ci" }.CargoArguments(CargoStep.Build).ShouldBe(["--profile", "ci", "--workspace"]);
        new BuildIdentity { Profile = "ci" }.CargoArguments(CargoStep.Tree).ShouldBe(["--workspace"]);
    }

    [Test]
    public void The_feature_switches_bind_from_their_options_into_the_identity()
    {
        var values = new Dictionary<string, string[]>
        {
            ["release"] = ["true"], ["rust-target"] = ["x86_64-unknown-linux-gnu"], ["features"] = ["b,a"],
            ["no-default-features"] = ["true"], ["all-features"] = ["true"], ["package"] = ["api"], ["bin"] = ["tool"],
        };

        var settings = SettingsBinder.Bind(new OptionReader(name => values.TryGetValue(name, out var v) ? v : null), "/work");

        settings.Shared.Build.CargoArguments(CargoStep.Build).ShouldBe(Full.CargoArguments(CargoStep.Build));
        settings.Shared.Build.Difference(Full).ShouldBeNull();
    }

    [TestCase("Profile", "--profile: made for release, this run builds dev")]
    [TestCase("Target", "--rust-target: made for x86_64-unknown-linux-gnu, this run builds (host)")]
    [TestCase("Features", "--features: made for a,b, this run builds (none)")]
    [TestCase("NoDefaultFeatures", "--no-default-features: made for on, this run builds off")]
    [TestCase("AllFeatures", "--all-features: made for on, this run builds off")]
    [TestCase("Packages", "--package: made for api, this run builds (none)")]
    [TestCase("Bins", "--bin: made for tool, this run builds (none)")]
    public void A_run_with_another_build_is_refused_in_one_line_naming_the_option_and_the_task(string field, string difference)
    {
        var run = field switch
        {
            "Profile" => Full with { Profile = "dev" },
            "Target" => Full with { Target = null },
            "Features" => Full with { Features = [] },
            "NoDefaultFeatures" => Full with { NoDefaultFeatures = false },
            "AllFeatures" => Full with { AllFeatures = false },
            "Packages" => Full with { Packages = [] },
            _ => Full with { Bins = [] },
        };
        var manifest = new RecipeStageManifest { RepositoryId = "shop", Build = Full, RecipeSha256 = "00" };

        Should.Throw<PrewarmException>(() => manifest.RequireBuild(run, "recipe-manifest.json")).Message
            .ShouldBe($"recipe-manifest.json: stale ({difference}); the Recipe task writes it again (run --target=Recipe, or drop --exclusive)");
        manifest.RequireBuild(Full with { BinPackages = [], Features = ["b", "a"] }, "recipe-manifest.json").ShouldBeSameAs(manifest);
    }

    [Test]
    public void Recipe_records_the_build_once_with_its_binary_owners_and_no_tier_list()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");
        var repository = RepositoryScanner.Scan(shop, "shop");
        var layout = new ArtifactsLayout(tree["artifacts"]);
        var build = new BuildIdentity { Profile = "release", Target = "x86_64-unknown-linux-gnu", Features = ["x"], Bins = ["shop"] };

        var environment = RecipeArtifacts.Write(layout.Root, repository, SkeletonBuilder.Build(repository, build.Selection()),
            BuildEnvironment.For(build, "rustc 1.95.0", ""), build);

        var manifest = RecipeStageManifest.Read(layout.RecipeManifest("shop"));
        manifest.Build.Difference(build).ShouldBeNull();
        manifest.Build.BinPackages.ShouldBe(["shop-server"]);
        File.ReadAllText(layout.RecipeManifest("shop")).ShouldNotContain("\"tiers\"");
        (environment.Profile, environment.Target, string.Join(",", environment.Features)).ShouldBe(("release", (string?)"x86_64-unknown-linux-gnu", "x"));
    }

    [Test]
    public void The_feature_switches_are_part_of_build_env_json_and_its_drift()
    {
        var plain = new BuildEnvironment { Toolchain = "rustc", Profile = "dev", RecipeSha256 = "00" };
        var switched = plain with { NoDefaultFeatures = true, AllFeatures = true };

        BuildEnvironment.FromJson(switched.ToJson(), "build-env.json").Fingerprint.ShouldBe(switched.Fingerprint);
        BuildEnvironment.FromJson(plain.ToJson(), "build-env.json").Fingerprint.ShouldBe(plain.Fingerprint);
        plain.ToJson().ShouldNotContain("no_default_features");
        plain.ToJson().ShouldNotContain("all_features");
        switched.ToJson().ShouldContain("\"no_default_features\": true,\n  \"all_features\": true,\n");
        switched.Fingerprint.ShouldNotBe(plain.Fingerprint);
        plain.DriftFrom(switched).ShouldBe(["no-default-features: recipe has 'off', build uses 'on'", "all-features: recipe has 'off', build uses 'on'"]);
    }

    /// <summary>--package=shop-domain: the real build's sources are the domain crate alone, under a workspace
    /// root listing only it and a lockfile holding only what it reaches; the tiers hold only its crates.</summary>
    [Test]
    public void A_member_scoped_recipe_keeps_only_the_closures_sources_and_tiers()
    {
        using var tree = new TemporaryTree();
        var repository = RepositoryScanner.Scan(tree.CopyFixture("tests/examples/shop", "shop"), "shop");
        var selection = new RecipeOptions { Packages = ["shop-domain"] };

        var scoped = ScopedSources.For(repository, selection)!;

        scoped.Directories.ShouldBe(["crates/domain"]);
        scoped.Files.Keys.ShouldBe(["Cargo.lock", "Cargo.toml"]);
        scoped.Files["Cargo.toml"].ShouldContain("members = [\"crates/domain\"]");
        scoped.Files["Cargo.toml"].ShouldContain("[workspace.dependencies]");
        scoped.Files["Cargo.lock"].ShouldContain("name = \"shop-domain\"\nversion = \"0.3.1\"");
        scoped.Files["Cargo.lock"].ShouldNotContain("tokio");
        scoped.Files["Cargo.lock"].ShouldNotContain("shop-storage");
        ScopedSources.For(repository, new RecipeOptions()).ShouldBeNull();

        var crates = WarmupPlanner.Plan(WarmupDemand.From([MemberScope.Of(repository, selection)]), WarmupCatalog.Default)
            .SelectMany(WarmupTierList.Selected).ToList();
        crates.ShouldContain("serde");
        crates.ShouldNotContain("tokio");
        crates.ShouldNotContain("hyper");
        crates.ShouldNotContain("tokio-postgres");
    }
}
