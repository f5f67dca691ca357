using System.Text.Json;
using System.Xml.Linq;
using Prewarm.Core.Benchmarking;
using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class BenchmarkReportTests
{
    private static BenchmarkReport Sample() => new(
        "shop",
        "cargo build --workspace",
        Sccache: true,
        Runs: 3,
        [
            new BenchmarkMeasurement(BenchmarkScenario.Cold, [60, 50, 55]),
            new BenchmarkMeasurement(BenchmarkScenario.Warm, [6, 5, 5.5]),
            new BenchmarkMeasurement(BenchmarkScenario.Subsequent, [3, 2, 2.75]),
        ])
    {
        WarmUnits = new UnitFreshness(100, 100, 3, 0),
    };

    [Test]
    public void Median_and_min()
    {
        new BenchmarkMeasurement(BenchmarkScenario.Cold, [3, 1, 2]).Median.ShouldBe(2);
        new BenchmarkMeasurement(BenchmarkScenario.Cold, [4, 1, 2, 3]).Median.ShouldBe(2.5);
        new BenchmarkMeasurement(BenchmarkScenario.Cold, [4, 1, 2, 3]).Min.ShouldBe(1);
    }

    [Test]
    public void Reductions_compare_medians_with_cold()
    {
        var report = Sample();

        report.ReductionPercent(BenchmarkScenario.Warm).ShouldBe(90);
        report.ReductionPercent(BenchmarkScenario.Subsequent).ShouldBe(95);
    }

    [Test]
    public void Writes_markdown_json_and_a_valid_svg_deterministically()
    {
        var directory = Directory.CreateTempSubdirectory("prewarm-benchmark-report-").FullName;
        try
        {
            BenchmarkReportWriter.Write(Sample(), directory);
            var svg = File.ReadAllText(Path.Combine(directory, "chart.svg"));
            BenchmarkReportWriter.Write(Sample(), directory);

            File.ReadAllText(Path.Combine(directory, "chart.svg")).ShouldBe(svg);
            XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
            svg.ShouldContain("5.5 s (−90%)");
            svg.ShouldContain("2.8 s (−95%)");
            var markdown = File.ReadAllText(Path.Combine(directory, "report.md"));
            markdown.ShouldContain("| warm | 5.00 | 5.50 | 90.0% |");
            markdown.ShouldContain("100 of 100 dependency units fresh");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
            var warm = json.RootElement.GetProperty("scenarios").GetProperty("warm");
            warm.GetProperty("median").GetDouble().ShouldBe(5.5);
            warm.GetProperty("reductionPercent").GetDouble().ShouldBe(90);
            warm.GetProperty("lastRunUnits").GetProperty("freshDependencies").GetInt32().ShouldBe(100);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Stubs_replace_every_workspace_target_source()
    {
        var stubs = WorkspaceStubs.For(
        [
            new WorkspaceTarget("tiny", "tiny", ["bin"], "src/main.rs"),
            new WorkspaceTarget("util", "util", ["lib"], "util/src/lib.rs"),
            new WorkspaceTarget("util", "build-script-build", ["custom-build"], "util/build.rs"),
        ]);

        stubs.ShouldBe(
        [
            new("src/main.rs", "fn main() {}\n"),
            new("util/build.rs", "fn main() {}\n"),
            new("util/src/lib.rs", "// stub\n"),
        ]);
    }
}
