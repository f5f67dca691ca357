using System.Text;
using Prewarm.Core.Cargo;
using Prewarm.Core.Warmup;

namespace Prewarm.Core.Scanning;

/// <summary>Every file the Scan task writes, rendered in memory so they can be written as one unit.</summary>
public static class ScanArtifacts
{
    /// <summary>File name (relative to the artifacts directory) → content.</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories) => Render(repositories, WarmupOptions.Default, []);

    /// <summary>As <see cref="Render(IReadOnlyList{CargoRepository})"/>, the frequency report's tier
    /// decisions made with <paramref name="warmup"/> (catalog, tier cap, build target).</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories, WarmupOptions warmup) => Render(repositories, warmup, []);

    /// <summary>As <see cref="Render(IReadOnlyList{CargoRepository})"/>, recording the <c>--exclude</c> directories.</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories, IReadOnlyList<string> exclude) => Render(repositories, WarmupOptions.Default, exclude);

    /// <summary>Every file, with the tier decisions made with <paramref name="warmup"/>, the <c>--exclude</c>
    /// directories and, for repositories on disk, the hash of every manifest and lockfile read.</summary>
    public static IReadOnlyDictionary<string, string> Render(IReadOnlyList<CargoRepository> repositories, WarmupOptions warmup, IReadOnlyList<string> exclude) =>
        new SortedDictionary<string, string>(
            Encode(repositories, warmup, exclude).ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value.Span)),
            StringComparer.Ordinal);

    /// <summary>As <see cref="Render(IReadOnlyList{CargoRepository}, WarmupOptions, IReadOnlyList{string})"/>,
    /// each file as the UTF-8 bytes to write (no BOM): scan.json is megabytes, rendered once, as bytes.</summary>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Encode(IReadOnlyList<CargoRepository> repositories, WarmupOptions warmup, IReadOnlyList<string> exclude) =>
        Encode(repositories, warmup, WarmupPlanner.Decide(repositories, warmup), exclude);

    /// <summary>As <see cref="Encode(IReadOnlyList{CargoRepository}, WarmupOptions, IReadOnlyList{string})"/>, the
    /// frequency report's tier column from <paramref name="plan"/> (made for these repositories with <paramref name="warmup"/>).</summary>
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Encode(IReadOnlyList<CargoRepository> repositories, WarmupOptions warmup, WarmupPlan plan, IReadOnlyList<string> exclude)
    {
        var inputs = repositories.All(r => r.RootPath.Length > 0) ? repositories.Select(ScanInputs.Of).ToList() : null;
        var document = new ScanDocument { Repositories = repositories, Exclude = [.. exclude], Inputs = inputs };
        // The report and scan.json read the same finished model and nothing else: one is built while
        // the other is written. A failure of the report is still the one reported first.
        var building = Task.Run(() => DependencyFrequencyReport.Build(repositories, warmup, plan));
        ReadOnlyMemory<byte> json;
        try
        {
            json = ScanJson.SerializeToUtf8(document);
        }
        catch
        {
            building.GetAwaiter().GetResult();
            throw;
        }

        var report = building.GetAwaiter().GetResult();
        return new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal)
        {
            [ScanDocument.FileName] = json,
            [FrequencyReportWriter.TextFile] = Utf8.GetBytes(FrequencyReportWriter.ToText(report)),
            [FrequencyReportWriter.JsonFile] = ScanJson.SerializeToUtf8(report),
            [FrequencyReportWriter.MarkdownFile] = Utf8.GetBytes(FrequencyReportWriter.ToMarkdown(report)),
        };
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
