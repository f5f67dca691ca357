using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prewarm.Core.Docker;

/// <summary>A <c>docker-bake.json</c>: a default group of targets.</summary>
public sealed record BakeFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonPropertyName("group")]
    public SortedDictionary<string, BakeGroup> Group { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("target")]
    public SortedDictionary<string, BakeTarget> Target { get; init; } = new(StringComparer.Ordinal);

    public static BakeFile Single(string name, BakeTarget target) => new()
    {
        Group = new(StringComparer.Ordinal) { ["default"] = new BakeGroup([name]) },
        Target = new(StringComparer.Ordinal) { [name] = target },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    public static BakeFile FromJson(string json) =>
        JsonSerializer.Deserialize<BakeFile>(json, Options) ?? throw new PrewarmException("docker-bake.json: empty.");
}
