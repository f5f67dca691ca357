using System.Text.Json;
using CliWrap.Buffered;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Core.Warmup;
using Prewarm.Tests.Recipes.Support;
using static Prewarm.Tests.Recipes.Support.FakeRepository;

namespace Prewarm.Tests.Recipes;

/// <summary>Tier selection rules on plain, in-memory inputs (issue 13, item 4): one rule per test.</summary>
[TestFixture]
public sealed class TierSelectionTests
{
    private static WarmupPlan Decide(WarmupOptions options, params FakeRepository[] repositories)
    {
        var built = repositories.Select(r => r.Build()).ToList();
        return WarmupPlanner.Decide(WarmupDemand.From(built, options), options, built.Count);
    }

    private static IReadOnlyList<string> Own(WarmupPlan plan, string tier) =>
        plan.Decisions.Where(d => d.Tier == tier).Select(d => $"{d.Name} {d.Line}").ToList();

    private static TierDecision Decision(WarmupPlan plan, string name, string? line = null) =>
        plan.Decisions.Single(d => d.Name == name && (line is null || d.Line == line));

    /// <summary>One workspace of many packages does not outrank a crate most repositories use.</summary>
    [Test]
    public void Crates_rank_by_repositories_using_them_not_by_packages()
    {
        var big = new FakeRepository("big");
        for (var i = 0; i < 8; i++)
        {
            big.Package($"member{i}", Normal("bigdep", "1.0.0"));
        }

        var plan = Decide(
            WarmupOptions.Default with { TierMaxCrates = 1 },
            big,
            new FakeRepository("a").Package("a", Normal("common", "1.2.0")),
            new FakeRepository("b").Package("b", Normal("common", "1.2.0")),
            new FakeRepository("c").Package("c", Normal("common", "1.3.0")));

        Own(plan, "core").ShouldBe(["common 1"]);
        Decision(plan, "common").Reason.ShouldBe("core: used by 3 of 4 repositories");
        Decision(plan, "common").Version.ShouldBe("1.2.0"); // the version most repositories locked
        Decision(plan, "common").Rank.ShouldBe(1);
        Decision(plan, "bigdep").Rank.ShouldBe(2);
        Decision(plan, "bigdep").Tier.ShouldBeNull();
        Decision(plan, "bigdep").Reason.ShouldBe("left out: tier cap 1 reached (core; used by 1 of 4 repositories)");
    }

    /// <summary>Equal repositories: the larger locked closure first (it saves more compiling), then the name.</summary>
    [Test]
    public void Ties_break_by_transitive_size_then_name()
    {
        var plan = Decide(
            WarmupOptions.Default with { TierMaxCrates = 2 },
            new FakeRepository("a").Package("a", Normal("zeta", "1.0.0"), Normal("alpha", "1.0.0"), Normal("beta", "1.0.0"))
                .Needs("zeta", "1.0.0", "dep1 1.0.0", "dep2 1.0.0"),
            new FakeRepository("b").Package("b", Normal("zeta", "1.0.0"), Normal("alpha", "1.0.0"), Normal("beta", "1.0.0"))
                .Needs("zeta", "1.0.0", "dep1 1.0.0", "dep2 1.0.0"));

        Own(plan, "core").ShouldBe(["zeta 1", "alpha 1"]);
        Decision(plan, "beta").Reason.ShouldStartWith("left out: tier cap 2 reached");
        WarmupPlanner.Rank(WarmupDemand.From([new FakeRepository("x").Package("x", Normal("b", "1.0.0"), Normal("a", "1.0.0")).Build()]))
            .Select(d => d.Name).ShouldBe(["a", "b"]);
    }

    /// <summary>dev-dependencies are not built by cargo build: not warmed, and a dev use adds no repository or feature.</summary>
    [Test]
    public void Dev_only_crates_are_left_out_and_dev_uses_do_not_count()
    {
        var plan = Decide(
            WarmupOptions.Default,
            new FakeRepository("a").Package("a", Dev("proptest", "1.0.0"), Dev("serde", "1.0.152"), Normal("anyhow", "1.0.69")),
            new FakeRepository("b").Package("b", Dev("proptest", "1.0.0"), new Dep("serde", "1.0.152", Features: ["derive"])));

        Decision(plan, "proptest").Tier.ShouldBeNull();
        Decision(plan, "proptest").Reason.ShouldBe("left out: dev-only");
        Decision(plan, "proptest").Rank.ShouldBeNull();
        Decision(plan, "serde").Reason.ShouldStartWith("core: used by 1 of 2 repositories");

        var demand = WarmupDemand.From([
            new FakeRepository("a").Package("a", new Dep("serde", "1.0.152", DependencyKind.Development, Features: ["rc"])).Build(),
            new FakeRepository("b").Package("b", new Dep("serde", "1.0.152", Features: ["derive"])).Build()]);
        demand.Single().Features.ShouldBe(["derive"]); // rc only reaches dev builds
        demand.Single().RepositoryIds.ShouldBe(["b"]);
    }

    /// <summary>[target.'cfg(…)'.dependencies] are evaluated against the build target (Linux x86_64 unless --rust-target says otherwise).</summary>
    [Test]
    public void Dependencies_of_other_platforms_are_left_out_for_the_build_target()
    {
        FakeRepository[] repositories =
        [
            new FakeRepository("a").Package(
                "a",
                On("cfg(windows)", "winapi", "0.3.9"),
                On("cfg(unix)", "libc", "0.2.139"),
                On("cfg(target_arch = \"wasm32\")", "wasm-bindgen", "0.2.83"),
                On("x86_64-pc-windows-msvc", "windows-sys", "0.45.0"),
                On("cfg(all(target_os = \"linux\", target_env = \"gnu\"))", "linux-only", "1.0.0")),
            new FakeRepository("b").Package("b", On("cfg(windows)", "winapi", "0.3.9"), Dev("winapi", "0.3.9")),
        ];

        var linux = Decide(WarmupOptions.Default, repositories);
        Decision(linux, "winapi").Reason.ShouldBe("left out: cfg(windows) only, or dev-only");
        Decision(linux, "wasm-bindgen").Reason.ShouldBe("left out: cfg(target_arch = \"wasm32\") only");
        Decision(linux, "windows-sys").Reason.ShouldBe("left out: x86_64-pc-windows-msvc only");
        Decision(linux, "libc").Tier.ShouldBe("core");
        Decision(linux, "linux-only").Tier.ShouldBe("core");

        var windows = Decide(WarmupOptions.For(WarmupCatalog.Default, null, "x86_64-pc-windows-msvc"), repositories);
        Decision(windows, "winapi").Reason.ShouldBe("core: used by 2 of 2 repositories");
        Decision(windows, "windows-sys").Tier.ShouldBe("core");
        Decision(windows, "libc").Reason.ShouldBe("left out: cfg(unix) only");
        Decision(windows, "linux-only").Tier.ShouldBeNull();
    }

    [TestCase("cfg(unix)", "x86_64-unknown-linux-gnu", true)]
    [TestCase("cfg(windows)", "x86_64-unknown-linux-gnu", false)]
    [TestCase("cfg(not(windows))", "x86_64-unknown-linux-gnu", true)]
    [TestCase("cfg(any(target_os = \"macos\", target_os = \"ios\"))", "aarch64-apple-darwin", true)]
    [TestCase("cfg(any(target_os = \"macos\", target_os = \"ios\"))", "aarch64-unknown-linux-gnu", false)]
    [TestCase("cfg(all(unix, not(target_os = \"macos\")))", "aarch64-unknown-linux-musl", true)]
    [TestCase("cfg(target_env = \"musl\")", "aarch64-unknown-linux-musl", true)]
    [TestCase("cfg(target_env = \"musl\")", "x86_64-unknown-linux-gnu", false)]
    [TestCase("cfg(target_pointer_width = \"64\")", "x86_64-unknown-linux-gnu", true)]
    [TestCase("cfg(target_pointer_width = \"32\")", "i686-unknown-linux-gnu", true)]
    [TestCase("cfg(target_arch = \"x86\")", "i686-pc-windows-msvc", true)]
    [TestCase("cfg(target_family = \"wasm\")", "wasm32-unknown-unknown", true)]
    [TestCase("cfg(unix)", "wasm32-unknown-unknown", false)]
    [TestCase("cfg(target_os = \"android\")", "aarch64-linux-android", true)]
    [TestCase("cfg(target_arch = \"arm\")", "armv7-unknown-linux-gnueabihf", true)]
    [TestCase("cfg(target_vendor = \"apple\")", "x86_64-apple-darwin", true)]
    [TestCase("cfg(feature = \"std\")", "x86_64-unknown-linux-gnu", false)]
    [TestCase("cfg(tokio_unstable)", "x86_64-unknown-linux-gnu", false)]
    [TestCase("cfg(all())", "x86_64-unknown-linux-gnu", true)]
    [TestCase("cfg(any())", "x86_64-unknown-linux-gnu", false)]
    [TestCase("x86_64-unknown-linux-gnu", "x86_64-unknown-linux-gnu", true)]
    [TestCase("aarch64-unknown-linux-gnu", "x86_64-unknown-linux-gnu", false)]
    public void Platform_keys_are_evaluated_like_cargo(string platform, string triple, bool expected) =>
        TargetPlatform.For(triple).Matches(platform).ShouldBe(expected);

    /// <summary>The cfg values derived from a triple agree with rustc's own (<c>rustc --print cfg --target …</c>
    /// needs no installed target) on the keys platform tables use; target_feature, target_has_atomic and
    /// target_abi are only approximated.</summary>
    [TestCase("x86_64-unknown-linux-gnu")]
    [TestCase("x86_64-unknown-linux-musl")]
    [TestCase("aarch64-unknown-linux-gnu")]
    [TestCase("i686-unknown-linux-gnu")]
    [TestCase("armv7-unknown-linux-gnueabihf")]
    [TestCase("aarch64-linux-android")]
    [TestCase("riscv64gc-unknown-linux-gnu")]
    [TestCase("s390x-unknown-linux-gnu")]
    [TestCase("powerpc64le-unknown-linux-gnu")]
    [TestCase("x86_64-apple-darwin")]
    [TestCase("aarch64-apple-ios")]
    [TestCase("x86_64-pc-windows-msvc")]
    [TestCase("i686-pc-windows-gnu")]
    [TestCase("x86_64-unknown-freebsd")]
    [TestCase("wasm32-unknown-unknown")]
    [TestCase("wasm32-wasip1")]
    [TestCase("thumbv7em-none-eabihf")]
    [Category("Slow")] // starts rustc
    public async Task Derived_cfg_values_match_rustc(string triple)
    {
        var rustc = await CliWrap.Cli.Wrap("rustc").WithArguments(["--print", "cfg", "--target", triple]).ExecuteBufferedAsync();
        static bool Compared(string line) => !line.StartsWith("target_feature", StringComparison.Ordinal)
            && !line.StartsWith("target_has_atomic", StringComparison.Ordinal) && !line.StartsWith("target_abi", StringComparison.Ordinal)
            && !line.StartsWith("fmt_debug", StringComparison.Ordinal) && !line.StartsWith("overflow_checks", StringComparison.Ordinal)
            && !line.StartsWith("ub_checks", StringComparison.Ordinal) && !line.StartsWith("relocation_model", StringComparison.Ordinal);

        TargetPlatform.For(triple).Cfg.Where(Compared)
            .ShouldBe(rustc.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(Compared).Order(StringComparer.Ordinal));
    }

    /// <summary>build-dependencies run on the host: their platform is the builder's own, whatever --rust-target says.</summary>
    [Test]
    public void Build_dependencies_follow_the_host_not_the_target()
    {
        var options = WarmupOptions.For(WarmupCatalog.Default, null, "x86_64-pc-windows-gnu");
        var repository = new FakeRepository("a").Package("a", new Dep("cc", "1.0.79", DependencyKind.Build, "cfg(unix)")).Build();

        var demand = WarmupDemand.From([repository], options).Single();
        demand.Built.ShouldBeTrue();
        demand.BuildOnly.ShouldBeTrue();
    }

    /// <summary>Two semver-incompatible lines are two rows and two picks, as cargo keeps two copies (0.x: the minor is the major).</summary>
    [Test]
    public void Major_versions_are_kept_apart()
    {
        var repositories = new[]
        {
            new FakeRepository("a").Package("a", Normal("clap", "3.2.23"), Normal("rand", "0.7.3")),
            new FakeRepository("b").Package("b", Normal("clap", "4.0.32"), Normal("rand", "0.8.5")),
            new FakeRepository("c").Package("c", Normal("clap", "4.0.18"), Normal("rand", "0.8.4")),
        }.Select(r => r.Build()).ToList();

        var demand = WarmupDemand.From(repositories);
        demand.Select(d => $"{d.Name} {d.Version} {d.Repositories}").ShouldBe(["clap 3.2.23 1", "clap 4.0.32 2", "rand 0.7.3 1", "rand 0.8.5 2"]);

        var plan = WarmupPlanner.Decide(demand, WarmupOptions.Default, repositories.Count);
        Own(plan, "web").ShouldBe(["clap 4", "clap 3"]);
        Own(plan, "core").ShouldBe(["rand 0.8", "rand 0.7"]);
        var files = WarmupFiles.Render(plan.Crates);
        files["web/Cargo.toml"].ShouldContain("clap = {version = \"=4.0.32\"}");
        files["web/Cargo.toml"].ShouldContain("clap-3 = {package = \"clap\", version = \"=3.2.23\"}");

        var report = DependencyFrequencyReport.Build(repositories);
        report.Crates.Where(c => c.Name == "clap").Select(c => $"{c.Line} {c.RepositoryCount} {string.Join(",", c.LockedVersions)}").ShouldBe(["4 2 4.0.18,4.0.32", "3 1 3.2.23"]);
        FrequencyReportWriter.ToText(report).ShouldContain("      2 clap@4\n");
        FrequencyReportWriter.ToText(report).ShouldContain("      1 clap@3\n");
    }

    /// <summary>--tier-max-crates: each tier's own picks are capped, in rank order; 0 means no cap.</summary>
    [Test]
    public void Each_tier_is_capped_and_the_cap_is_configurable()
    {
        var repository = new FakeRepository("a");
        var crates = Enumerable.Range(0, 60).Select(i => Normal($"crate{i:00}", "1.0.0")).Append(Normal("tokio", "1.24.2")).Append(Normal("hyper", "0.14.19")).ToArray();
        repository.Package("a", crates);

        var capped = Decide(WarmupOptions.Default, repository);
        Own(capped, "core").Count.ShouldBe(WarmupOptions.DefaultTierMaxCrates);
        WarmupOptions.DefaultTierMaxCrates.ShouldBe(40);
        Own(capped, "web").ShouldBe(["hyper 0.14", "tokio 1"]); // another tier's cap is its own
        capped.Decisions.Count(d => d.Reason.StartsWith("left out: tier cap 40 reached (core", StringComparison.Ordinal)).ShouldBe(20);
        capped.Crates[1].Dependencies.Count.ShouldBe(42); // cumulative: web holds core's picks too

        Own(Decide(WarmupOptions.Default with { TierMaxCrates = 0 }, repository), "core").Count.ShouldBe(60);
        Own(Decide(WarmupOptions.Default with { TierMaxCrates = 5 }, repository), "core").ShouldBe(Enumerable.Range(0, 5).Select(i => $"crate{i:00} 1"));
    }

    /// <summary>Optional: compile times a <c>cargo build --timings</c> measured rank crates as many repositories use (before transitive size).</summary>
    [Test]
    public void Measured_compile_times_break_ties_between_equally_used_crates()
    {
        const string html = "<html><script>\nconst UNIT_DATA = [{\"i\": 1, \"name\": \"alpha\", \"version\": \"1.0.0\", \"mode\": \"todo\", \"target\": \"\", \"start\": 0.1, \"duration\": 6.5},"
            + " {\"i\": 2, \"name\": \"alpha\", \"version\": \"1.0.0\", \"mode\": \"run-custom-build\", \"target\": \" build-script\", \"start\": 7, \"duration\": 3.5}];\nconst CONCURRENCY_DATA = [];\n</script></html>";
        var timings = CompileTimes.ParseTimingReport(html, "cargo-timing.html");
        timings.Count.ShouldBe(1);
        var repository = new FakeRepository("a").Package("a", Normal("zeta", "1.0.0"), Normal("alpha", "1.0.0")).Needs("zeta", "1.0.0", "dep1 1.0.0", "dep2 1.0.0");

        var unmeasured = Decide(WarmupOptions.Default with { TierMaxCrates = 1 }, repository);
        Own(unmeasured, "core").ShouldBe(["zeta 1"]);

        var measured = Decide(WarmupOptions.Default with { TierMaxCrates = 1, Timings = timings }, repository);
        Own(measured, "core").ShouldBe(["alpha 1"]);
        Decision(measured, "alpha").Reason.ShouldBe("core: used by 1 of 1 repositories, 10.0 s to compile with its dependencies (measured)");
        Decision(measured, "alpha").CompileSeconds.ShouldBe(10.0);
        DependencyFrequencyReport.Build([repository.Build()], WarmupOptions.Default with { Timings = timings }).Crates.Single(c => c.Name == "alpha").CompileSeconds.ShouldBe(10.0);

        Should.Throw<Prewarm.Core.PrewarmException>(() => CompileTimes.ParseTimingReport("<html></html>", "x.html")).Message.ShouldStartWith("x.html: not a cargo --timings report");
        Should.Throw<Prewarm.Core.PrewarmException>(() => CompileTimes.ParseTimingReport("const UNIT_DATA = [{\"i\": 1}];", "y.html")).Message.ShouldStartWith("y.html:");
    }

    /// <summary>The seed's catalog stays the fallback when nothing was scanned.</summary>
    [Test]
    public void Nothing_scanned_falls_back_to_the_catalog()
    {
        var plan = WarmupPlanner.Decide(WarmupDemand.From([new FakeRepository("empty").Build()]), WarmupOptions.Default with { TierMaxCrates = 1 });

        plan.FromLockfiles.ShouldBeFalse();
        plan.Crates.Select(c => c.Tier).ShouldBe(["core", "web", "db"]);
        plan.Crates[0].Dependencies.Select(d => d.Name).ShouldBe(WarmupCatalog.Default.Tiers[0].Value); // the cap is for scanned crates
        Decision(plan, "serde").Reason.ShouldBe("core: the catalog's default, nothing scanned");

        var unlocked = new FakeRepository("lib").Package("lib", Normal("serde", "1.0.152"), Normal("smallvec", "1.9.0")).Build(locked: false);
        var report = DependencyFrequencyReport.Build([unlocked], WarmupOptions.Default);
        report.Crates.Single(c => c.Name == "serde").Tier.ShouldBe("core");
        report.Crates.Single(c => c.Name == "serde").TierReason.ShouldBe("core: the catalog's default, nothing scanned");
        report.Crates.Single(c => c.Name == "smallvec").TierReason.ShouldStartWith("left out: no Cargo.lock scanned");
        report.Tiers[0].Crates.ShouldContain("serde 1");
    }

    /// <summary>The catalog places a crate it names; an unnamed crate built on a catalog crate joins that crate's tier.</summary>
    [Test]
    public void Reasons_name_the_catalog_or_the_crate_a_tier_builds_on()
    {
        var plan = Decide(
            WarmupOptions.Default,
            new FakeRepository("a").Package("a", Normal("tokio", "1.24.2"), Normal("tokio-util", "0.7.4")).Needs("tokio-util", "0.7.4", "tokio 1.24.2"),
            new FakeRepository("b").Package("b", Normal("tokio", "1.24.2")));

        Decision(plan, "tokio").Reason.ShouldBe("web: used by 2 of 2 repositories; the catalog puts tokio in web");
        Decision(plan, "tokio-util").Reason.ShouldBe("web: used by 1 of 2 repositories; builds on tokio (web)");
    }

    /// <summary>dependency-frequency.json and .md say per crate which tier took it and why; existing fields keep their names.</summary>
    [Test]
    public void The_frequency_report_says_which_tier_took_each_crate_and_why()
    {
        var big = new FakeRepository("big");
        for (var i = 0; i < 5; i++)
        {
            big.Package($"m{i}", Normal("bigdep", "1.0.0"), Normal("common", "1.0.0"));
        }

        var repositories = new[]
        {
            big,
            new FakeRepository("a").Package("a", Normal("common", "1.0.0"), Dev("tempfile", "3.3.0"), On("cfg(windows)", "winapi", "0.3.9")),
            new FakeRepository("b").Package("b", Normal("common", "1.0.0"), Normal("other", "1.0.0")),
        }.Select(r => r.Build()).ToList();

        var report = DependencyFrequencyReport.Build(repositories, WarmupOptions.Default with { TierMaxCrates = 2 });
        report.Crates.Select(c => c.Name).ShouldBe(["common", "bigdep", "other", "tempfile", "winapi"]);
        FrequencyReportWriter.ToText(report).Split('\n')[0].ShouldBe("      7 common");

        using var json = JsonDocument.Parse(FrequencyReportWriter.ToJson(report));
        json.RootElement.GetProperty("buildTarget").GetString().ShouldBe("x86_64-unknown-linux-gnu");
        json.RootElement.GetProperty("tierMaxCrates").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("tiers")[0].GetProperty("crates").EnumerateArray().Select(c => c.GetString()).ShouldBe(["common 1", "bigdep 1"]);
        var rows = json.RootElement.GetProperty("crates").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        foreach (var existing in new[] { "name", "repositories", "packages", "kinds", "features", "defaultFeatures", "requirements", "lockedVersions", "sources", "transitiveSize", "repositoryCount", "packageCount" })
        {
            rows["common"].TryGetProperty(existing, out _).ShouldBeTrue(existing);
        }

        rows["common"].GetProperty("tier").GetString().ShouldBe("core");
        rows["common"].GetProperty("tierReason").GetString().ShouldBe("core: used by 3 of 3 repositories");
        rows["common"].GetProperty("tierRank").GetInt32().ShouldBe(1);
        rows["common"].GetProperty("line").GetString().ShouldBe("1");
        rows["common"].GetProperty("buildRepositories").GetArrayLength().ShouldBe(3);
        rows["other"].TryGetProperty("tier", out _).ShouldBeFalse();
        rows["other"].GetProperty("tierReason").GetString().ShouldBe("left out: tier cap 2 reached (core; used by 1 of 3 repositories)");
        rows["tempfile"].GetProperty("tierReason").GetString().ShouldBe("left out: dev-only");
        rows["winapi"].GetProperty("tierReason").GetString().ShouldBe("left out: cfg(windows) only");
        rows["winapi"].GetProperty("repositoryCount").GetInt32().ShouldBe(1);
        rows["winapi"].GetProperty("buildRepositories").GetArrayLength().ShouldBe(0);

        var markdown = FrequencyReportWriter.ToMarkdown(report);
        markdown.ShouldContain("Warmup tiers for x86_64-unknown-linux-gnu (at most 2 crates each): core 2, web 0, db 0.");
        markdown.ShouldContain("| common | 7 | 3 | normal |");
        markdown.ShouldContain("| 1 | 3 | core | core: used by 3 of 3 repositories |\n");
        markdown.ShouldContain("| winapi | 1 | 1 | normal |");
        markdown.ShouldContain("| - | left out: cfg(windows) only |\n");
    }
}
