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

    /// <summary>One line per crate: the number of dependent packages right-aligned in 7 columns, a blank, the name
    /// (<c>name@line</c> when the repositories use several compatibility lines of it); most packages first, then name.</summary>
    public static string ToText(DependencyFrequencyReport report)
    {
        var text = new StringBuilder();
        var split = report.Crates.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var crate in report.Crates.OrderByDescending(c => c.PackageCount).ThenBy(c => c.Name, StringComparer.Ordinal).ThenByDescending(c => c.Line, Comparer<string>.Create(Warmup.CompatibilityLine.Compare)))
        {
            var name = split.Contains(crate.Name) ? $"{crate.Name}@{crate.Line}" : crate.Name;
            text.Append(crate.PackageCount.ToString(CultureInfo.InvariantCulture).PadLeft(7)).Append(' ').Append(name).Append('\n');
        }

        return text.ToString();
    }

    public static string ToJson(DependencyFrequencyReport report) => ScanJson.Serialize(report);

    public static string ToMarkdown(DependencyFrequencyReport report)
    {
        var md = new StringBuilder();
        md.Append("# Dependency frequency\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{report.Crates.Count} external crates used by {report.PackageCount} packages in {report.Repositories.Count} repositories ({string.Join(", ", report.Repositories)}).\n\n");
        if (report.Tiers.Count > 0)
        {
            var cap = report.TierMaxCrates > 0 ? $"at most {report.TierMaxCrates} crates each" : "no cap";
            md.Append(CultureInfo.InvariantCulture, $"Warmup tiers for {report.BuildTarget} ({cap}): {string.Join(", ", report.Tiers.Select(t => $"{t.Name} {t.CrateCount}"))}. ");
            md.Append("Ranked by the repositories whose `cargo build` compiles the crate (\"builds\"), then transitive size, then name; one row per compatibility line.\n\n");
        }

        md.Append("| crate | packages | repos | kinds | features | default features | requirements | locked | transitive | line | builds | tier | why |\n");
        md.Append("|---|---:|---:|---|---|---|---|---|---:|---|---:|---|---|\n");
        foreach (var c in report.Crates)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(c.Name)} | {c.PackageCount} | {c.RepositoryCount} | {List(c.Kinds)} | {List(c.Features)} | {(c.DefaultFeatures ? "yes" : "no")} | {List(c.Requirements)} | {List(c.LockedVersions)} | {(c.TransitiveSize?.ToString(CultureInfo.InvariantCulture) ?? "")} | {Cell(c.Line)} | {c.BuildRepositories.Count} | {Cell(c.Tier ?? "-")} | {Cell(c.TierReason)} |\n");
        }

        return md.ToString();
    }

    private static string List(IReadOnlyList<string> values) => Cell(string.Join(", ", values));

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
