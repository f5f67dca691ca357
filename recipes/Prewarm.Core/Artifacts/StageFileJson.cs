using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prewarm.Core.Artifacts;

/// <summary>The JSON style of the small stage manifests (recipe-manifest.json, warmup/tiers.json):
/// camelCase, indented, "\n" line endings, nulls left out, so the same content is the same bytes.
/// Kept here rather than borrowing the scan's options so no stage depends on another's namespace.</summary>
public static class StageFileJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";
}
