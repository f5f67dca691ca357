using System.Text.Json;

namespace Prewarm.Tests.Verification;

/// <summary>Verify run for real: the build host as a process, real cargo on the offline registry, a private real sccache.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class VerifyTaskTests
{
    [Test]
    public async Task Verifies_warm_dependencies_and_fails_clearly_when_they_are_cold()
    {
        using var scratch = new RealToolEnvironment();
        var warmup = Path.Combine(scratch.Artifacts, "warmup", "core");
        Directory.CreateDirectory(warmup);
        // serde is selected by the tier but not locked by this repository: it must not count as missing.
        await File.WriteAllTextAsync(Path.Combine(warmup, "Cargo.toml"), "[package]\nname = \"warmup-core\"\nversion = \"0.0.0\"\n\n[dependencies]\nanyhow = \"1\"\nlog = \"0.4\"\nserde = \"1\"\n");
        // What Recipe records of the tiers it wrote: Verify reads the selection there.
        await File.WriteAllTextAsync(Path.Combine(scratch.Artifacts, "warmup", "tiers.json"), """{"tiers": ["core"], "crates": {"core": ["anyhow", "log", "serde"]}}""");

        // 1. Cold: everything compiles, through sccache, which fills the private cache.
        var first = await scratch.RunHostAsync("--target=Verify", "--exclusive", "--min-hit-rate=0", "--min-fresh-share=0");
        first.ExitCode.ShouldBe(0, first.All);
        var cold = Report(scratch);
        cold.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var repository = cold.GetProperty("repositories")[0];
        repository.GetProperty("id").GetString().ShouldBe("tiny");
        repository.GetProperty("crates").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("locked").GetString()} {c.GetProperty("status").GetString()}")
            .ShouldBe(["anyhow 1.0.69 present", "log 0.4.17 present"]);
        repository.GetProperty("units").GetProperty("dependencies").GetInt32().ShouldBe(6);
        repository.GetProperty("units").GetProperty("freshDependencies").GetInt32().ShouldBe(0);

        // 2. Only main.rs touched: every dependency unit is fresh; default thresholds pass.
        File.SetLastWriteTimeUtc(Path.Combine(scratch.Repository, "src", "main.rs"), DateTime.UtcNow);
        var second = await scratch.RunHostAsync("--target=Verify", "--exclusive");
        second.ExitCode.ShouldBe(0, second.All);
        var touched = Report(scratch).GetProperty("repositories")[0].GetProperty("units");
        touched.GetProperty("freshDependencies").GetInt32().ShouldBe(6);
        touched.GetProperty("dependencyFreshPercent").GetDouble().ShouldBe(100);

        // 3. Clean target dir: sccache answers from its cache (hit rate > 0) but no unit is fresh → fails in one line.
        Directory.Delete(Path.Combine(scratch.Repository, "target"), recursive: true);
        var third = await scratch.RunHostAsync("--target=Verify", "--exclusive");
        third.ExitCode.ShouldNotBe(0);
        third.All.ShouldContain("Verify failed: tiny: 0.0% of dependency units were pre-warmed (fresh), below 95% (0 of 6)");
        var clean = Report(scratch);
        clean.GetProperty("passed").GetBoolean().ShouldBeFalse();
        var sccache = clean.GetProperty("repositories")[0].GetProperty("sccache");
        sccache.GetProperty("hits").GetInt32().ShouldBeGreaterThan(0);
        sccache.GetProperty("languages").GetProperty("Rust").GetProperty("hitRatePercent").GetDouble().ShouldBeGreaterThan(0);
        File.ReadAllText(Path.Combine(scratch.Artifacts, "verify", "verify.md")).ShouldContain("| Rust |");
    }

    [Test]
    public async Task Without_warmup_crates_the_direct_dependencies_are_verified_and_sccache_can_be_off()
    {
        using var scratch = new RealToolEnvironment();

        var result = await scratch.RunHostAsync("--target=Verify", "--exclusive", "--sccache=off", "--min-fresh-share=0");

        result.ExitCode.ShouldBe(0, result.All);
        var repository = Report(scratch).GetProperty("repositories")[0];
        repository.GetProperty("crates").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["anyhow", "itoa", "log"]);
        repository.GetProperty("sccache").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task A_bad_threshold_is_one_clear_line()
    {
        using var scratch = new RealToolEnvironment();

        var result = await scratch.RunHostAsync("--target=Verify", "--exclusive", "--min-hit-rate=lots");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain("--min-hit-rate=lots: expected a non-negative number");
        Directory.Exists(Path.Combine(scratch.Artifacts, "verify")).ShouldBeFalse();
    }

    private static JsonElement Report(RealToolEnvironment scratch) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(scratch.Artifacts, "verify", "verify.json"))).RootElement;
}
