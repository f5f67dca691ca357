using System.Globalization;
using System.Text;
using Prewarm.Core.Docker;
using System.Text.Json;
using Prewarm.Core.IO;

namespace Prewarm.Core.Verification;

/// <summary>Renders <c>verify.json</c> and <c>verify.md</c>, deterministically (sorted, invariant culture, "\n").</summary>
public static class VerificationReportWriter
{
    /// <summary>Writes both files into <paramref name="directory"/> as one unit (both or neither).</summary>
    public static void Write(VerificationReport report, string directory) =>
        AtomicFile.WriteAll(
        [
            new(Path.Combine(directory, "verify.json"), ToJson(report)),
            new(Path.Combine(directory, "verify.md"), ToMarkdown(report)),
        ]);

    public static string ToJson(VerificationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartObject("thresholds");
            json.WriteNumber("minHitRatePercent", report.Thresholds.MinHitRatePercent);
            json.WriteNumber("minFreshSharePercent", report.Thresholds.MinFreshSharePercent);
            json.WriteNumber("minBuilderSharePercent", report.Thresholds.MinBuilderSharePercent);
            json.WriteEndObject();
            json.WriteStringArray("failures", report.Failures);
            json.WriteStartArray("repositories");
            foreach (var repository in report.Repositories.OrderBy(r => r.Label, StringComparer.Ordinal))
            {
                WriteRepository(json, repository);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string ToMarkdown(VerificationReport report)
    {
        var md = new StringBuilder();
        md.Append("# Verify\n\n");
        md.Append(Invariant($"Result: **{(report.Passed ? "passed" : "failed")}** (thresholds: sccache hit rate ≥ {report.Thresholds.MinHitRatePercent:0.#}%, pre-warmed dependency units ≥ {report.Thresholds.MinFreshSharePercent:0.#}%)\n\n"));
        foreach (var failure in report.Failures)
        {
            md.Append("- ").Append(failure).Append('\n');
        }

        foreach (var repository in report.Repositories.OrderBy(r => r.Label, StringComparer.Ordinal))
        {
            md.Append("\n## ").Append(repository.Label).Append("\n\n");
            md.Append("Verified ").Append(repository.Where).Append("; expected crates from ").Append(repository.ExpectedFrom).Append(".\n\n");
            md.Append("| crate | locked | found | status |\n|---|---|---|---|\n");
            foreach (var crate in repository.Crates)
            {
                md.Append(Invariant($"| {crate.Name} | {crate.ExpectedVersion ?? "any"} | {(crate.FoundVersions.Count == 0 ? "—" : string.Join(", ", crate.FoundVersions))} | {Status(crate.Status)} |\n"));
            }

            if (repository.Image is { } image)
            {
                md.Append('\n').Append(ImageLine(image)).Append('\n');
            }

            if (repository.Target is { } target)
            {
                md.Append("\nCross-compiled: the recorded build compiled for ").Append(string.Join(", ", target.Found.DefaultIfEmpty("nothing")))
                    .Append(target.Matches ? " (this platform's target).\n" : $", not {target.Expected}.\n");
            }

            var f = repository.Freshness;
            md.Append(Invariant($"\nDependency units fresh: {f.FreshDependencyUnits} of {f.DependencyUnits} ({Percent(f.DependencyFreshPercent)}); workspace units fresh: {f.FreshWorkspaceUnits} of {f.WorkspaceUnits}.\n"));
            if (repository.Supply is { } supply)
            {
                md.Append(Invariant($"\nFrom the builder image: {supply.FromBuilderImage} of {supply.FromBuilderImage + supply.CompiledInSkeleton} dependency units ({Percent(supply.SharePercent)}); compiled in the skeleton step: {supply.CompiledInSkeleton}.\n"));
                if (supply.Missed.Count > 0)
                {
                    md.Append("\n| compiled crate | version | why the builder's did not serve |\n|---|---|---|\n");
                    foreach (var missed in supply.Missed)
                    {
                        md.Append(Invariant($"| {missed.Name} | {missed.Version} | {missed.Reason} |\n"));
                    }
                }
            }

            if (repository.Sccache is { } stats)
            {
                md.Append(Invariant($"\nsccache{(stats.Version is null ? string.Empty : " " + stats.Version)}: hit rate {Percent(stats.HitRatePercent)} ({stats.TotalHits} hits, {stats.TotalMisses} misses)"))
                    .Append(repository.SccacheGated ? "" : "; the image's final build step, informational (not held to the minimum hit rate)")
                    .Append("\n\n");
                md.Append("| language | hits | misses | hit rate |\n|---|---|---|---|\n");
                foreach (var language in stats.Languages)
                {
                    md.Append(Invariant($"| {language} | {stats.HitsByLanguage.GetValueOrDefault(language)} | {stats.MissesByLanguage.GetValueOrDefault(language)} | {Percent(stats.HitRatePercentFor(language))} |\n"));
                }

                if (stats.NotCachedReasons.Count > 0)
                {
                    md.Append("\n| not cached because | calls |\n|---|---|\n");
                    foreach (var (reason, count) in stats.NotCachedReasons.OrderBy(r => r.Key, StringComparer.Ordinal))
                    {
                        md.Append(Invariant($"| {reason} | {count} |\n"));
                    }
                }
            }
            else
            {
                md.Append("\nsccache: not checked (").Append(repository.SccacheNotChecked).Append(").\n");
            }
        }

        return md.ToString();
    }

    private static void WriteRepository(Utf8JsonWriter json, RepositoryVerification repository)
    {
        json.WriteStartObject();
        json.WriteString("id", repository.RepositoryId);
        if (repository.Platform is not null)
        {
            json.WriteString("platform", repository.Platform);
        }

        if (repository.Target is { } target)
        {
            json.WriteStartObject("crossTarget");
            json.WriteString("expected", target.Expected);
            json.WriteStringArray("compiledFor", target.Found);
            json.WriteEndObject();
        }

        json.WriteString("where", repository.Where);
        json.WriteString("expectedFrom", repository.ExpectedFrom);
        json.WriteStartArray("crates");
        foreach (var crate in repository.Crates)
        {
            json.WriteStartObject();
            json.WriteString("name", crate.Name);
            json.WriteString("locked", crate.ExpectedVersion); // null when no version was locked
            json.WriteStringArray("found", crate.FoundVersions);
            json.WriteString("status", Status(crate.Status));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var f = repository.Freshness;
        json.WriteStartObject("units");
        f.WriteCounts(json);
        WriteNullableNumber(json, "dependencyFreshPercent", f.DependencyFreshPercent);
        if (repository.Supply is { } supply)
        {
            json.WriteNumber("fromBuilderImage", supply.FromBuilderImage);
            json.WriteNumber("compiledInSkeleton", supply.CompiledInSkeleton);
            WriteNullableNumber(json, "builderSharePercent", supply.SharePercent);
            json.WriteStartArray("missedInBuilder");
            foreach (var missed in supply.Missed)
            {
                json.WriteStartObject();
                json.WriteString("name", missed.Name);
                json.WriteString("version", missed.Version);
                json.WriteString("reason", missed.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        if (repository.Image is { } image)
        {
            json.WriteStartObject("image");
            json.WriteString("reference", image.Image);
            json.WriteBoolean("pushed", image.Pushed);
            json.WriteString("dependencyStorage", DependencyStorageNames.Spell(image.DependencyStorage));
            if (image.BaseImage is not null)
            {
                json.WriteString("baseImage", image.BaseImage);
            }

            WriteNullableNumber(json, "sizeBytes", image.SizeBytes);
            WriteNullableNumber(json, "baseSizeBytes", image.BaseSizeBytes);
            WriteNullableNumber(json, "sizeOverBaseBytes", image.SizeOverBaseBytes);
            json.WriteEndObject();
        }

        if (repository.Sccache is { } stats)
        {
            json.WriteStartObject("sccache");
            if (stats.Version is not null)
            {
                json.WriteString("version", stats.Version);
            }

            json.WriteNumber("hits", stats.TotalHits);
            json.WriteNumber("misses", stats.TotalMisses);
            WriteNullableNumber(json, "hitRatePercent", stats.HitRatePercent);
            json.WriteBoolean("gated", repository.SccacheGated);
            json.WriteStartObject("languages");
            foreach (var language in stats.Languages)
            {
                json.WriteStartObject(language);
                json.WriteNumber("hits", stats.HitsByLanguage.GetValueOrDefault(language));
                json.WriteNumber("misses", stats.MissesByLanguage.GetValueOrDefault(language));
                WriteNullableNumber(json, "hitRatePercent", stats.HitRatePercentFor(language));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("notCached");
            foreach (var (reason, count) in stats.NotCachedReasons.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(reason, count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("sccache");
            json.WriteString("sccacheNotChecked", repository.SccacheNotChecked);
        }

        json.WriteEndObject();
    }

    /// <summary>The builder image in one sentence: size, what it adds to its base, where the dependencies are.</summary>
    private static string ImageLine(ImageRecord image)
    {
        var line = new StringBuilder("Builder image ").Append(image.Image);
        if (image.SizeBytes is { } size)
        {
            line.Append(Invariant($": {size / 1e9:0.00} GB"));
            if (image.SizeOverBaseBytes is { } over)
            {
                line.Append(Invariant($", {over / 1e9:0.00} GB over its base {image.BaseImage}"));
            }
        }

        line.Append(image.DependencyStorage == DependencyStorage.Image
            ? "; compiled dependencies in the image's layers"
            : "; compiled dependencies in BuildKit cache mounts (this machine only, not in the image)");
        return line.Append(image.Pushed ? "; pushed." : "; not pushed.").ToString();
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 2));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Status(CrateStatus status) => status switch
    {
        CrateStatus.Present => "present",
        CrateStatus.OtherVersion => "other-version",
        _ => "missing",
    };

    private static string Percent(double? value) => value is { } v ? Invariant($"{v:0.0}%") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
