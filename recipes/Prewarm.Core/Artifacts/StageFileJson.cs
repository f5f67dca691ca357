using System.Text.Json;
using Prewarm.Core.IO;

namespace Prewarm.Core.Artifacts;

/// <summary>The JSON of the small stage manifests (recipe-manifest.json, warmup/tiers.json): <see cref="JsonStyle"/>.
/// Kept here rather than borrowing the scan's options so no stage depends on another's namespace.</summary>
public static class StageFileJson
{
    public static JsonSerializerOptions Options { get; } = JsonStyle.Serializer();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";
}
