using System.Globalization;
using System.Security;
using System.Text;

namespace Prewarm.Core.Benchmarking;

/// <summary>A small hand-drawn SVG bar chart of the median seconds per scenario, with the reduction
/// against cold above each bar. Only the report's numbers go into it, so it is deterministic.</summary>
public static class BarChartSvg
{
    private const int Width = 480;
    private const int Height = 300;
    private const int Top = 50;
    private const int Bottom = 250;
    private const int BarWidth = 90;

    public static string Render(BenchmarkReport report)
    {
        var measurements = report.Measurements.OrderBy(m => m.Scenario).ToArray();
        var max = Math.Max(measurements.Max(m => m.Median), 0.001);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"13\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{Escape(report.RepositoryId)}: median build time (s)</text>\n"));
        svg.Append(Invariant($"<line x1=\"30\" y1=\"{Bottom}\" x2=\"{Width - 30}\" y2=\"{Bottom}\" stroke=\"#333333\"/>\n"));
        var slot = (Width - 60) / measurements.Length;
        for (var i = 0; i < measurements.Length; i++)
        {
            var m = measurements[i];
            var height = (int)Math.Round((Bottom - Top - 20) * m.Median / max);
            var x = 30 + (slot * i) + ((slot - BarWidth) / 2);
            var y = Bottom - height;
            var centre = x + (BarWidth / 2);
            var colour = m.Scenario switch
            {
                BenchmarkScenario.Cold => "#4c78a8",
                BenchmarkScenario.Warm => "#f58518",
                _ => "#54a24b",
            };
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{BarWidth}\" height=\"{height}\" fill=\"{colour}\"/>\n"));
            var label = m.Scenario == BenchmarkScenario.Cold
                ? Invariant($"{m.Median:0.0} s")
                : Invariant($"{m.Median:0.0} s ({(report.ReductionPercent(m.Scenario) >= 0 ? "−" : "+")}{Math.Abs(report.ReductionPercent(m.Scenario)):0}%)");
            svg.Append(Invariant($"<text x=\"{centre}\" y=\"{y - 6}\" text-anchor=\"middle\">{Escape(label)}</text>\n"));
            svg.Append(Invariant($"<text x=\"{centre}\" y=\"{Bottom + 18}\" text-anchor=\"middle\">{BenchmarkReportWriter.Name(m.Scenario)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
