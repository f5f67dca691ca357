using System.Globalization;
using System.Text;
using System.Text.Json;
using Prewarm.Core.IO;

namespace Prewarm.Core.Benchmarking;

/// <summary>Renders report.md, report.json and chart.svg for a <see cref="BenchmarkReport"/>.</summary>
public static class BenchmarkReportWriter
{
    /// <summary>What each scenario measures, printed in the report so nobody has to guess.</summary>
    public static string Meaning(BenchmarkScenario scenario) => scenario switch
    {
        BenchmarkScenario.Cold => "empty target directory and empty sccache cache",
        BenchmarkScenario.Warm => "dependencies built beforehand from a copy of the repository whose workspace sources are empty stubs (what the Cook stage / Docker dependency layer provides), same target directory; only the real build is timed",
        BenchmarkScenario.Subsequent => "after a complete build, every workspace member's source files touched, then rebuilt",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>Writes the three files into <paramref name="directory"/> as one unit.</summary>
    public static void Write(BenchmarkReport report, string directory) =>
        AtomicFile.WriteAll(
        [
            new(Path.Combine(directory, "report.md"), ToMarkdown(report)),
            new(Path.Combine(directory, "report.json"), ToJson(report)),
            new(Path.Combine(directory, "chart.svg"), BarChartSvg.Render(report)),
        ]);

    public static string ToMarkdown(BenchmarkReport report)
    {
        var md = new StringBuilder();
        md.Append(Invariant($"# Benchmark: {report.RepositoryId}\n\n"));
        md.Append(Invariant($"`{report.Command}`, sccache {(report.Sccache ? "on" : "off")}, {report.Runs} run(s) per scenario.\n\n"));
        md.Append("| build | min (s) | median (s) | reduction vs cold (median) | what it measures |\n|---|---|---|---|---|\n");
        foreach (var measurement in report.Measurements.OrderBy(m => m.Scenario))
        {
            var reduction = measurement.Scenario == BenchmarkScenario.Cold ? "—" : Invariant($"{report.ReductionPercent(measurement.Scenario):0.0}%");
            md.Append(Invariant($"| {Name(measurement.Scenario)} | {measurement.Min:0.00} | {measurement.Median:0.00} | {reduction} | {Meaning(measurement.Scenario)} |\n"));
        }

        foreach (var (name, units) in new[] { ("warm", report.WarmUnits), ("subsequent", report.SubsequentUnits) })
        {
            if (units is not null)
            {
                md.Append(Invariant($"\nLast {name} build: {units.FreshDependencyUnits} of {units.DependencyUnits} dependency units fresh (reused), {units.WorkspaceUnits - units.FreshWorkspaceUnits} of {units.WorkspaceUnits} workspace units compiled.\n"));
            }
        }

        md.Append("\n![cold, warm and subsequent builds](chart.svg)\n");
        return md.ToString();
    }

    public static string ToJson(BenchmarkReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("repository", report.RepositoryId);
            json.WriteString("command", report.Command);
            json.WriteBoolean("sccache", report.Sccache);
            json.WriteNumber("runs", report.Runs);
            json.WriteStartObject("scenarios");
            foreach (var measurement in report.Measurements.OrderBy(m => m.Scenario))
            {
                json.WriteStartObject(Name(measurement.Scenario));
                json.WriteString("meaning", Meaning(measurement.Scenario));
                json.WriteStartArray("seconds");
                foreach (var seconds in measurement.Seconds)
                {
                    json.WriteNumberValue(Math.Round(seconds, 3));
                }

                json.WriteEndArray();
                json.WriteNumber("min", Math.Round(measurement.Min, 3));
                json.WriteNumber("median", Math.Round(measurement.Median, 3));
                if (measurement.Scenario != BenchmarkScenario.Cold)
                {
                    json.WriteNumber("reductionPercent", Math.Round(report.ReductionPercent(measurement.Scenario), 1));
                }

                var units = measurement.Scenario switch
                {
                    BenchmarkScenario.Warm => report.WarmUnits,
                    BenchmarkScenario.Subsequent => report.SubsequentUnits,
                    _ => null,
                };
                if (units is not null)
                {
                    json.WriteStartObject("lastRunUnits");
                    units.WriteCounts(json);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static string Name(BenchmarkScenario scenario) => scenario.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
