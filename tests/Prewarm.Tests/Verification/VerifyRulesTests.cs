using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Docker;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

/// <summary>Verify's rules on plain inputs: which crates are expected, where a repository is verified, what is reported.</summary>
[TestFixture]
public sealed class VerifyRulesTests
{
    private const string Metadata = """
        {"packages":[{"id":"shop 0.1.0 (path+file:///w)","dependencies":[
          {"name":"serde","source":"registry+https://github.com/rust-lang/crates.io-index","kind":null},
          {"name":"tempfile","source":"registry+https://github.com/rust-lang/crates.io-index","kind":"dev"},
          {"name":"shop-domain","source":null,"kind":null}]}],
         "workspace_members":["shop 0.1.0 (path+file:///w)"]}
        """;

    private static readonly ILookup<string, string> Locked =
        new[] { ("serde", "1.0.200"), ("tokio", "1.38.0"), ("syn", "1.0.109"), ("syn", "2.0.66") }.ToLookup(p => p.Item1, p => p.Item2);

    [Test]
    public void Selected_crates_this_repository_locks_are_expected_at_their_locked_version()
    {
        var selected = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["core"] = ["serde", "syn"],
            ["web"] = ["axum", "tokio", "serde"],
        };

        var expected = ExpectedCrates.For(selected, Locked, () => throw new AssertionException("metadata is not asked when tiers were selected"));

        expected.Crates.ShouldBe([new ExpectedCrate("serde", "1.0.200"), new ExpectedCrate("syn", null), new ExpectedCrate("tokio", "1.38.0")]);
        expected.From.ShouldBe("warmup/{core,web}/Cargo.toml (crates this repository's Cargo.lock contains)");
    }

    [Test]
    public void Before_recipe_the_direct_registry_dependencies_are_expected()
    {
        var expected = ExpectedCrates.For(new Dictionary<string, IReadOnlyList<string>>(), Locked, () => Metadata);

        expected.Crates.ShouldBe([new ExpectedCrate("serde", "1.0.200")]);
        expected.From.ShouldStartWith("the workspace's direct registry/git dependencies");
    }

    [Test]
    public void Locked_versions_are_the_registry_and_git_packages_of_cargo_lock()
    {
        using var repository = new TemporaryDirectory("prewarm-verify-rules-");
        ExpectedCrates.LockedVersions(repository.Path).Count.ShouldBe(0);
        File.WriteAllText(Path.Combine(repository.Path, "Cargo.lock"), """
            version = 3

            [[package]]
            name = "shop"
            version = "0.1.0"

            [[package]]
            name = "serde"
            version = "1.0.200"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            """);

        var locked = ExpectedCrates.LockedVersions(repository.Path);

        locked.Select(g => g.Key).ShouldBe(["serde"]);
        locked["serde"].ShouldBe(["1.0.200"]);
    }

    [Test]
    public void Warmup_selection_reads_each_tier_in_order()
    {
        using var artifacts = new TemporaryDirectory("prewarm-verify-rules-");
        var warmup = Path.Combine(artifacts.Path, "warmup");
        WarmupSelection.Read(warmup).ShouldBeEmpty();
        foreach (var tier in new[] { "web", "core" })
        {
            Directory.CreateDirectory(Path.Combine(warmup, tier));
            File.WriteAllText(Path.Combine(warmup, tier, "Cargo.toml"), $"[package]\nname = \"warmup-{tier}\"\nversion = \"0.0.1\"\n");
        }

        File.WriteAllText(Path.Combine(warmup, "tiers.json"), """{"tiers": ["core", "web"], "crates": {"core": ["serde"], "web": ["axum", "serde"]}}""");
        var selection = WarmupSelection.Read(warmup);

        selection.Keys.ShouldBe(["core", "web"]);
        selection["web"].ShouldBe(["axum", "serde"]);
    }

    [Test]
    public void A_tier_list_written_before_it_recorded_the_crates_is_stale()
    {
        using var artifacts = new TemporaryDirectory("prewarm-verify-rules-");
        var warmup = Path.Combine(artifacts.Path, "warmup");
        Directory.CreateDirectory(Path.Combine(warmup, "core"));
        File.WriteAllText(Path.Combine(warmup, "core", "Cargo.toml"), "[package]\nname = \"warmup-core\"\nversion = \"0.0.1\"\n");
        File.WriteAllText(Path.Combine(warmup, "tiers.json"), """{"tiers": ["core"]}""");

        Should.Throw<PrewarmException>(() => WarmupSelection.Read(warmup)).Message
            .ShouldContain("tier 'core' lists no crates (written before tiers.json recorded them)");
    }

    [Test]
    public void Locally_sccache_is_held_to_the_threshold_in_an_image_only_reported()
    {
        var expected = new ExpectedCrates([new ExpectedCrate("serde", "1.0.200")], "test");
        var observed = new BuildObservation([new CargoTreeEntry(1, "serde", "1.0.200", "", false, false)], [], null);

        var local = VerificationSubject.Local("shop", "/w/shop").Verify(expected, observed, sccacheAsked: false);
        var image = VerificationSubject.InBuilderImage("shop", "prewarm/shop:1", new ImageRecord { Docker = "docker", Image = "prewarm/shop:1" }, "linux/arm64")
            .Verify(expected, observed, sccacheAsked: true);

        (local.Where, local.SccacheGated, local.SccacheNotChecked).ShouldBe(("locally", true, "--sccache=off"));
        (image.Where, image.SccacheGated, image.Label).ShouldBe(("in the builder image prewarm/shop:1 (recorded by its last build)", false, "shop (linux/arm64)"));
        image.SccacheNotChecked.ShouldBe("prewarm/shop:1 was built without sccache; render its Dockerfile with --sccache=on to measure it");
        local.Summary.ShouldBe("shop: crates 1/1 present; dependency units fresh 0/0; sccache hit rate not checked (--sccache=off)");
    }

    [Test]
    public void Failure_is_the_first_missed_mark_and_how_many_more()
    {
        var missing = new RepositoryVerification("shop", "locally", "test",
            [new CrateCheck("serde", "1.0.200", [], CrateStatus.Missing), new CrateCheck("syn", "2.0.66", ["1.0.109"], CrateStatus.OtherVersion)],
            new UnitFreshness(10, 10, 1, 0), null);
        var passed = missing with { Crates = [] };

        new VerificationReport(new VerificationThresholds(), [passed]).FailureMessage("verify.md").ShouldBeNull();
        new VerificationReport(new VerificationThresholds(), [missing]).FailureMessage("verify.md")
            .ShouldBe("Verify failed: shop: missing from cargo tree: serde (+1 more, see verify.md)");
    }

    [Test]
    public void A_repository_without_a_root_manifest_is_one_line()
    {
        using var repository = new TemporaryDirectory("prewarm-verify-rules-");

        Should.Throw<PrewarmException>(() => RootManifest.Require(repository.Path)).Message
            .ShouldBe($"{Path.Combine(repository.Path, "Cargo.toml")}: not found; --repo must name a Cargo workspace or package directory");
    }
}
