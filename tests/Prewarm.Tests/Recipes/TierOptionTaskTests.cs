using System.Text.Json;
using Prewarm.Cake;
using Prewarm.Core.Verification;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary><c>--tier-max-crates</c> and <c>--rust-target</c> reach tier selection through the host: the
/// Recipe task's warmup crates and the Scan task's frequency report decide alike.</summary>
[TestFixture]
[Category("Slow")] // Recipe runs rustc -vV
public sealed class TierOptionTaskTests
{
    [Test]
    public void The_tier_cap_limits_the_recipe_tiers_and_shows_in_the_scan_report()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");

        var recipe = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={tree["capped"]}", "--tier-max-crates=2");
        recipe.Code.ShouldBe(0, recipe.Output);
        var uncapped = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={tree["default"]}");
        uncapped.Code.ShouldBe(0, uncapped.Output);

        Core(tree["capped"]).Count.ShouldBe(2);
        Core(tree["default"]).Count.ShouldBeGreaterThan(2);
        Core(tree["default"]).ShouldContain("serde");

        var scan = Run("--target=Scan", "--exclusive", $"--repo={shop}", $"--artifacts={tree["capped"]}", "--tier-max-crates=2", "--rust-target=x86_64-pc-windows-msvc");
        scan.Code.ShouldBe(0, scan.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree["capped"], "dependency-frequency.json")));
        report.RootElement.GetProperty("tierMaxCrates").GetInt32().ShouldBe(2);
        report.RootElement.GetProperty("buildTarget").GetString().ShouldBe("x86_64-pc-windows-msvc");
        report.RootElement.GetProperty("tiers")[0].GetProperty("crateCount").GetInt32().ShouldBe(2);
        report.RootElement.GetProperty("crates").EnumerateArray()
            .Count(c => c.GetProperty("tierReason").GetString()!.StartsWith("left out: tier cap 2 reached (core", StringComparison.Ordinal))
            .ShouldBeGreaterThan(0);
        report.RootElement.GetProperty("crates").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "serde_json").GetProperty("kinds").EnumerateArray().Select(k => k.GetString())
            .ShouldBe(["dev", "normal"]);
    }

    [Test]
    public void The_tier_cap_is_read_from_prewarm_toml_and_a_bad_value_is_one_line()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");
        tree.Write("prewarm.toml", "[recipe]\ntier-max-crates = 3\n");

        var scan = Run("--target=Scan", "--exclusive", $"--config={tree["prewarm.toml"]}", $"--repo={shop}", $"--artifacts={tree["artifacts"]}");
        scan.Code.ShouldBe(0, scan.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree["artifacts"], "dependency-frequency.json")));
        report.RootElement.GetProperty("tierMaxCrates").GetInt32().ShouldBe(3);

        var bad = Run("--target=Scan", "--exclusive", $"--repo={shop}", $"--artifacts={tree["bad"]}", "--tier-max-crates=lots");
        bad.Code.ShouldNotBe(0);
        bad.Output.ShouldContain("--tier-max-crates=lots: expected a whole number of at least 0");
        File.Exists(Path.Combine(tree["bad"], "dependency-frequency.json")).ShouldBeFalse();

        var missing = Run("--target=Scan", "--exclusive", $"--repo={shop}", $"--artifacts={tree["bad"]}", $"--tier-timings={tree["nope.html"]}");
        missing.Code.ShouldNotBe(0);
        missing.Output.ShouldContain($"{tree["nope.html"]}: timings report not found (--tier-timings)");
    }

    private static IReadOnlyList<string> Core(string artifacts)
    {
        var manifest = Path.Combine(artifacts, "warmup", "core", "Cargo.toml");
        return WarmupManifestReader.SelectedCrates(File.ReadAllText(manifest), manifest);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var host = new TestHost();
        host.Host.UsePrewarm();
        var code = host.Run(args);
        return (code, host.Output);
    }
}
