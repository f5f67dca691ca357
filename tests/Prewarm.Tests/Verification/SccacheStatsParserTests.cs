using Prewarm.Core;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class SccacheStatsParserTests
{
    [Test]
    public void Reads_real_json_of_sccache_0_4()
    {
        var stats = SccacheStatsParser.ParseJson(TestData.Read("sccache-0.4.0-pre.6-stats.json"), "sccache");

        stats.HitsByLanguage.ShouldBe(new Dictionary<string, long> { ["Rust"] = 4 });
        stats.MissesByLanguage.ShouldBe(new Dictionary<string, long> { ["Rust"] = 4 });
        stats.HitRatePercent.ShouldBe(50);
        stats.HitRatePercentFor("Rust").ShouldBe(50);
        stats.NotCachedReasons.ShouldBe(new Dictionary<string, long> { ["-"] = 2, ["crate-type"] = 6, ["incremental"] = 2, ["missing input"] = 4 });
        stats.CompileRequests.ShouldBe(24);
        stats.NonCacheableCalls.ShouldBe(14);
        stats.Version.ShouldBeNull();
        stats.CacheLocation.ShouldBe("Local disk: \"/tmp/pw-sc\"");
    }

    [Test]
    public void Reads_real_text_of_sccache_0_4_to_the_same_numbers()
    {
        var text = SccacheStatsParser.ParseText(TestData.Read("sccache-0.4.0-pre.6-stats.txt"), "sccache");
        var json = SccacheStatsParser.ParseJson(TestData.Read("sccache-0.4.0-pre.6-stats.json"), "sccache");

        text.HitsByLanguage.ShouldBe(json.HitsByLanguage);
        text.MissesByLanguage.ShouldBe(json.MissesByLanguage);
        text.NotCachedReasons.ShouldBe(json.NotCachedReasons);
        text.TotalHits.ShouldBe(4);
        text.TotalMisses.ShouldBe(4);
        text.CompileRequests.ShouldBe(24);
        text.NonCacheableCalls.ShouldBe(14);
        text.CacheLocation.ShouldBe("Local disk: \"/tmp/pw-sc\"");
    }

    [Test]
    public void Reads_a_newer_shape_with_version_adv_counts_and_basedirs()
    {
        // Hand-written after later sccache releases: extra fields, adv_counts beside counts.
        const string json = """
            {"stats":{"compile_requests":12,"requests_not_cacheable":2,
              "cache_hits":{"counts":{"Rust":8,"C/C++":1},"adv_counts":{"rust":8,"c [gcc]":1}},
              "cache_misses":{"counts":{"Rust":2},"adv_counts":{"rust":2}},
              "compilations":{"Rust":2},"not_cached":{"crate-type":3},"dist_compiles":{}},
             "cache_location":"Local disk: \"/cache\"","use_preprocessor_cache_mode":false,
             "version":"0.10.0","basedirs":["/work"]}
            """;

        var stats = SccacheStatsParser.ParseJson(json, "sccache");

        stats.Version.ShouldBe("0.10.0");
        stats.Languages.ShouldBe(["C/C++", "Rust"]);
        stats.TotalHits.ShouldBe(9);
        stats.TotalMisses.ShouldBe(2);
        stats.HitRatePercentFor("Rust").ShouldBe(80);
        stats.HitRatePercent!.Value.ShouldBe(81.818, 0.001);
        stats.NotCachedReasons["crate-type"].ShouldBe(3);
    }

    [Test]
    public void Reads_flat_counters_and_adv_counts_alone()
    {
        const string json = """{"version":"0.12.0","cache_hits":{"adv_counts":{"rust":3}},"cache_misses":1,"basedirs":[]}""";

        var stats = SccacheStatsParser.ParseJson(json, "sccache");

        stats.HitsByLanguage.ShouldBe(new Dictionary<string, long> { ["rust"] = 3 });
        stats.MissesByLanguage.ShouldBe(new Dictionary<string, long> { ["all"] = 1 });
        stats.HitRatePercent.ShouldBe(75);
    }

    [Test]
    public void Text_of_newer_versions_keeps_hit_rate_lines_apart_from_counts()
    {
        const string text = """
            Compile requests                     10
            Cache hits                            9
            Cache hits (Rust)                     9
            Cache misses                          1
            Cache misses (Rust)                   1
            Cache hits rate                   90.00 %
            Cache hits rate (Rust)            90.00 %
            Version (client)                 0.10.0
            """;

        var stats = SccacheStatsParser.ParseText(text, "sccache");

        stats.HitsByLanguage.ShouldBe(new Dictionary<string, long> { ["Rust"] = 9 });
        stats.HitRatePercent.ShouldBe(90);
    }

    [Test]
    public void Nothing_looked_up_has_no_hit_rate()
    {
        const string json = """{"stats":{"cache_hits":{"counts":{}},"cache_misses":{"counts":{}},"not_cached":{}}}""";

        SccacheStatsParser.ParseJson(json, "sccache").HitRatePercent.ShouldBeNull();
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("{\"stats\":{\"compile_requests\":1}}")]
    public void Json_without_statistics_is_one_clear_error(string json)
    {
        Should.Throw<PrewarmException>(() => SccacheStatsParser.ParseJson(json, "sccache --show-stats --stats-format=json"))
            .Message.ShouldStartWith("sccache --show-stats --stats-format=json: ");
    }

    [Test]
    public void Text_without_statistics_is_one_clear_error()
    {
        Should.Throw<PrewarmException>(() => SccacheStatsParser.ParseText("error: connection refused\n", "sccache --show-stats"))
            .Message.ShouldBe("sccache --show-stats: no 'Cache hits' or 'Cache misses' line in the sccache statistics");
    }
}
