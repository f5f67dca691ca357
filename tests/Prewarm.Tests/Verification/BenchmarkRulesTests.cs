using Prewarm.Core.Benchmarking;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

/// <summary>The benchmark's scenarios, results and scratch copy on plain inputs.</summary>
[TestFixture]
public sealed class BenchmarkRulesTests
{
    [Test]
    public void A_run_is_cold_then_subsequent_then_the_dependency_layer_then_warm()
    {
        var phases = BenchmarkPlan.Run(2, 3, "shop", "/s/run2");

        phases.Select(p => (p.TargetDirectory, p.CacheDirectory)).ShouldBe([("/s/run2/cold-target", "/s/run2/cold-sccache"), ("/s/run2/warm-target", "/s/run2/warm-sccache")]);
        phases.SelectMany(p => p.Builds).Select(b => (b.Label, b.Timed, b.TouchSources, b.FromStubs)).ShouldBe([
            ("[2/3] shop: cold", BenchmarkScenario.Cold, false, false),
            ("[2/3] shop: subsequent", BenchmarkScenario.Subsequent, true, false),
            ("[2/3] shop: dependencies (not timed)", (BenchmarkScenario?)null, false, true),
            ("[2/3] shop: warm", BenchmarkScenario.Warm, true, false),
        ]);
    }

    [Test]
    public void Results_keep_timed_builds_and_the_last_units()
    {
        var builds = BenchmarkPlan.Run(1, 1, "shop", "/s").SelectMany(p => p.Builds).ToList();
        var results = new BenchmarkResults();
        UnitFreshness Units(int fresh) => new(10, fresh, 2, 0);
        results.Add(builds[0], 10, Units(0));
        results.Add(builds[1], 2, Units(10));
        results.Add(builds[2], 99, Units(0));
        results.Add(builds[3], 4, Units(9));
        results.Add(builds[3], 6, Units(10));

        var report = results.Report("shop", release: true, sccache: false, runs: 2);

        report.Command.ShouldBe("cargo build --workspace --release");
        report[BenchmarkScenario.Cold].Seconds.ShouldBe([10.0]);
        report[BenchmarkScenario.Warm].Seconds.ShouldBe([4.0, 6.0]);
        report.WarmUnits.ShouldBe(Units(10));
        report.SubsequentUnits.ShouldBe(Units(10));
        BenchmarkResults.Summary(report).ShouldBe("shop: cold 10.00 s, warm 5.00 s (-50.0%), subsequent 2.00 s (-80.0%) (medians of 2 run(s))");
        builds[0].Describe(1.5, Units(3)).ShouldBe("[1/1] shop: cold: 1.50 s (dependency units fresh 3/10, workspace units fresh 0/2)");
    }

    [Test]
    public void The_stubbed_copy_leaves_out_build_output_vcs_and_artifacts_and_touching_changes_only_times()
    {
        using var repository = new TemporaryDirectory("prewarm-benchmark-rules-");
        void Write(string relative, string content)
        {
            var path = Path.Combine(repository.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        Write("Cargo.toml", "[package]\nname = \"shop\"\n");
        Write("src/main.rs", "fn main() { println!(\"real\"); }\n");
        Write("src/target/x.rs", "// under a target directory\n");
        Write("target/debug/shop", "binary");
        Write(".git/HEAD", "ref");
        Write("artifacts/prewarm/scan.json", "{}");
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(repository.Path, "src/target/x.rs"), old);
        WorkspaceTarget[] targets = [new("shop", "shop", ["bin"], "src/main.rs")];
        string scratch;

        using (var workspace = new BenchmarkWorkspace(repository.Path, Path.Combine(repository.Path, "artifacts", "prewarm"), targets))
        {
            scratch = workspace.Scratch;
            Directory.EnumerateFileSystemEntries(workspace.Stubbed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["Cargo.toml", "src"]);
            File.ReadAllText(Path.Combine(workspace.Stubbed, "src", "main.rs")).ShouldBe("fn main() {}\n");
            workspace.RunDirectory(3).ShouldBe(Path.Combine(scratch, "run3"));

            var now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            workspace.TouchSources(now);

            File.GetLastWriteTimeUtc(Path.Combine(repository.Path, "src/main.rs")).ShouldBe(now);
            File.GetLastWriteTimeUtc(Path.Combine(repository.Path, "src/target/x.rs")).ShouldBe(old);
            File.ReadAllText(Path.Combine(repository.Path, "src/main.rs")).ShouldContain("real");
        }

        Directory.Exists(scratch).ShouldBeFalse();
    }
}
