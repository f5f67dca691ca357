using System.Globalization;
using System.Text;

namespace Prewarm.Core.Scanning;

/// <summary>Renders <see cref="DependencyFrequencyReport"/> as <c>dependency-frequency.txt</c> (the
/// shape of <c>sort | uniq -c | sort -rn</c>), <c>.json</c> and <c>.md</c>.</summary>
public static class FrequencyReportWriter
{
    public const string TextFile = "dependency-frequency.txt";
    public const string JsonFile = "dependency-frequency.json";
    public const string MarkdownFile = "dependency-frequency.md";

    /// <summary>One line per crate: the number of dependent packages right-aligned in 7 columns, a blank, the name.</summary>
    public static string ToText(DependencyFrequencyReport report)
    {
        var text = new StringBuilder();
        foreach (var crate in report.Crates)
        {
            text.Append(crate.PackageCount.ToString(CultureInfo.InvariantCulture).PadLeft(7)).Append(' ').Append(crate.Name).Append('\n');
        }

        return text.ToString();
    }

    public static string ToJson(DependencyFrequencyReport report) => ScanJson.Serialize(report);

    public static string ToMarkdown(DependencyFrequencyReport report)
    {
        var md = new StringBuilder();
        md.Append("# Dependency frequency\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{report.Crates.Count} external crates used by {report.PackageCount} packages in {report.Repositories.Count} repositories ({string.Join(", ", report.Repositories)}).\n\n");
        md.Append("| crate | packages | repos | kinds | features | default features | requirements | locked | transitive |\n");
        md.Append("|---|---:|---:|---|---|---|---|---|---:|\n");
        foreach (var c in report.Crates)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(c.Name)} | {c.PackageCount} | {c.RepositoryCount} | {List(c.Kinds)} | {List(c.Features)} | {(c.DefaultFeatures ? "yes" : "no")} | {List(c.Requirements)} | {List(c.LockedVersions)} | {(c.TransitiveSize?.ToString(CultureInfo.InvariantCulture) ?? "")} |\n");
        }

        return md.ToString();
    }

    private static string List(IReadOnlyList<string> values) => Cell(string.Join(", ", values));

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
