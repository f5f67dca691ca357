using System.Text.Json.Serialization;

namespace Prewarm.Core.Docker;

/// <summary>A <c>docker-bake.json</c>: a default group of targets (every name as buildx spells it, so
/// <see cref="StageJson"/>'s naming leaves them be).</summary>
public sealed record BakeFile
{
    [JsonPropertyName("group")]
    public SortedDictionary<string, BakeGroup> Group { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("target")]
    public SortedDictionary<string, BakeTarget> Target { get; init; } = new(StringComparer.Ordinal);

    public static BakeFile Single(string name, BakeTarget target) => new()
    {
        Group = new(StringComparer.Ordinal) { ["default"] = new BakeGroup([name]) },
        Target = new(StringComparer.Ordinal) { [name] = target },
    };

    public string ToJson() => StageJson.Serialize(this);

    public static BakeFile FromJson(string json) =>
        StageJson.Deserialize<BakeFile>(json) ?? throw new PrewarmException("docker-bake.json: empty.");
}
