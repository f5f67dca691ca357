using Prewarm.Core.Cargo;
using Prewarm.Core.Warmup;

namespace Prewarm.Core.Scanning;

/// <summary>Every file the Scan task writes, rendered in memory so they can be written as one unit.</summary>
public static class ScanArtifacts
{
    /// <summary>File name (relative to the artifacts directory) → content.</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories) => Render(repositories, WarmupOptions.Default);

    /// <summary>As <see cref="Render(IReadOnlyList{CargoRepository})"/>, the frequency report's tier
    /// decisions made with <paramref name="warmup"/> (catalog, tier cap, build target).</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories, WarmupOptions warmup)
    {
        var report = DependencyFrequencyReport.Build(repositories, warmup);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ScanDocument.FileName] = ScanJson.Serialize(new ScanDocument { Repositories = repositories }),
            [FrequencyReportWriter.TextFile] = FrequencyReportWriter.ToText(report),
            [FrequencyReportWriter.JsonFile] = FrequencyReportWriter.ToJson(report),
            [FrequencyReportWriter.MarkdownFile] = FrequencyReportWriter.ToMarkdown(report),
        };
    }
}
