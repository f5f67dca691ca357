using System.Text;
using System.Text.Json;
using Prewarm.Core.IO;

namespace Prewarm.Core.Diagnostics;

/// <summary>Writes doctor.json and doctor.md (findings in the order checked).</summary>
public static class DoctorReportWriter
{
    public static void Write(IReadOnlyList<DoctorFinding> findings, string directory) =>
        AtomicFile.WriteAll(
        [
            new(Path.Combine(directory, "doctor.json"), ToJson(findings)),
            new(Path.Combine(directory, "doctor.md"), ToMarkdown(findings)),
        ]);

    public static string ToMarkdown(IReadOnlyList<DoctorFinding> findings)
    {
        var md = new StringBuilder("# Doctor\n\n| check | result | details |\n|---|---|---|\n");
        foreach (var finding in findings)
        {
            md.Append("| ").Append(finding.Check).Append(" | ").Append(Name(finding.Severity)).Append(" | ")
                .Append(finding.Message.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return md.ToString();
    }

    public static string ToJson(IReadOnlyList<DoctorFinding> findings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("problems", findings.Count(f => f.Severity == DoctorSeverity.Problem));
            json.WriteNumber("warnings", findings.Count(f => f.Severity == DoctorSeverity.Warning));
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("check", finding.Check);
                json.WriteString("result", Name(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Name(DoctorSeverity severity) => severity switch
    {
        DoctorSeverity.Ok => "ok",
        DoctorSeverity.Warning => "warning",
        _ => "problem",
    };
}
