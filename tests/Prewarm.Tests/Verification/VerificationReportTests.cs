using System.Text.Json;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class VerificationReportTests
{
    private static readonly CargoTreeEntry[] Tree =
    [
        new(0, "tiny", "0.1.0", "/w", false, false),
        new(1, "anyhow", "1.0.69", string.Empty, false, false),
        new(1, "log", "0.4.17", string.Empty, false, false),
    ];

    [Test]
    public void Compares_expected_crates_with_the_tree()
    {
        var checks = CrateCheck.Compare(
            [new("log", "0.4.18"), new("anyhow", "1.0.69"), new("serde", "1.0.152"), new("itoa", null)],
            Tree);

        checks.Select(c => (c.Name, c.Status)).ShouldBe(
        [
            ("anyhow", CrateStatus.Present),
            ("itoa", CrateStatus.Missing),
            ("log", CrateStatus.OtherVersion),
            ("serde", CrateStatus.Missing),
        ]);
        checks.Single(c => c.Name == "log").FoundVersions.ShouldBe(["0.4.17"]);
    }

    [Test]
    public void Lists_every_missed_mark_in_one_sentence_each()
    {
        var stats = SccacheStatsParser.ParseJson(TestData.Read("sccache-0.4.0-pre.6-stats.json"), "sccache");
        var repository = new RepositoryVerification(
            "tiny", "locally", "test",
            CrateCheck.Compare([new("log", "0.4.18"), new("serde", null)], Tree),
            new UnitFreshness(10, 9, 2, 0),
            stats);

        repository.Failures(new VerificationThresholds()).ShouldBe(
        [
            "tiny: missing from cargo tree: serde",
            "tiny: at another version than locked: log 0.4.17 (locked 0.4.18)",
            "tiny: sccache hit rate 50.0% is below 80% (4 hits, 4 misses)",
            "tiny: 90.0% of dependency units were pre-warmed (fresh), below 95% (9 of 10)",
        ]);
        repository.Failures(new VerificationThresholds(MinHitRatePercent: 50, MinFreshSharePercent: 90)).Count.ShouldBe(2);
    }

    [Test]
    public void An_images_sccache_figures_are_reported_but_not_held_to_the_minimum()
    {
        // The image's final step compiles only the workspace's own crates: a source change makes them misses.
        var stats = SccacheStatsParser.ParseJson(TestData.Read("sccache-0.4.0-pre.6-stats.json"), "sccache");
        var inImage = new RepositoryVerification("tiny", "in the builder image", "test", [], new UnitFreshness(6, 6, 2, 0), stats, SccacheGated: false);
        var withoutSccache = new RepositoryVerification("bare", "in the builder image", "test", [], new UnitFreshness(6, 6, 2, 0), null, "bare:1 was built without sccache");
        var directory = Directory.CreateTempSubdirectory("prewarm-verify-report-").FullName;
        try
        {
            var report = new VerificationReport(new VerificationThresholds(), [inImage, withoutSccache]);
            VerificationReportWriter.Write(report, directory);

            report.Passed.ShouldBeTrue();
            var markdown = File.ReadAllText(Path.Combine(directory, "verify.md"));
            markdown.ShouldContain("hit rate 50.0% (4 hits, 4 misses); the image's final build step, informational");
            markdown.ShouldContain("sccache: not checked (bare:1 was built without sccache).");
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "verify.json")));
            var repositories = json.RootElement.GetProperty("repositories");
            repositories[0].GetProperty("id").GetString().ShouldBe("bare");
            repositories[0].GetProperty("sccacheNotChecked").GetString().ShouldBe("bare:1 was built without sccache");
            repositories[1].GetProperty("sccache").GetProperty("gated").GetBoolean().ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Writes_deterministic_json_and_markdown_together()
    {
        var stats = SccacheStatsParser.ParseJson(TestData.Read("sccache-0.4.0-pre.6-stats.json"), "sccache");
        var report = new VerificationReport(
            new VerificationThresholds(),
            [new RepositoryVerification("tiny", "locally", "test", CrateCheck.Compare([new("anyhow", "1.0.69")], Tree), new UnitFreshness(6, 6, 2, 1), stats)]);
        var directory = Directory.CreateTempSubdirectory("prewarm-verify-report-").FullName;
        try
        {
            VerificationReportWriter.Write(report, directory);
            var first = File.ReadAllBytes(Path.Combine(directory, "verify.json"));
            VerificationReportWriter.Write(report, directory);

            File.ReadAllBytes(Path.Combine(directory, "verify.json")).ShouldBe(first);
            Directory.GetFiles(directory).Select(Path.GetFileName).Order().ShouldBe(["verify.json", "verify.md"]);
            using var json = JsonDocument.Parse(first);
            json.RootElement.GetProperty("passed").GetBoolean().ShouldBeFalse();
            json.RootElement.GetProperty("repositories")[0].GetProperty("sccache").GetProperty("hitRatePercent").GetDouble().ShouldBe(50);
            var markdown = File.ReadAllText(Path.Combine(directory, "verify.md"));
            markdown.ShouldContain("| anyhow | 1.0.69 | 1.0.69 | present |");
            markdown.ShouldContain("| crate-type | 6 |");
            markdown.ShouldNotContain("\r");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
