using System.Text.Json;
using Prewarm.Core.Artifacts;
using Prewarm.Core.IO;

namespace Prewarm.Core.Docker;

/// <summary>How the Docker stages' small records (dockerfile.json, image.json, docker-bake.json) are written
/// and read: <see cref="JsonStyle"/>, enums kebab-case; a record that does not parse is one line
/// naming the file and the task that writes it.</summary>
public static class StageJson
{
    private static readonly JsonSerializerOptions Options = JsonStyle.Serializer(JsonNamingPolicy.KebabCaseLower);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>What <see cref="Serialize{T}"/> wrote, or null for <c>null</c>; throws <see cref="JsonException"/>.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T Read<T>(string path, string task)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw StageArtifact.Missing(path, task);
        }

        try
        {
            return Deserialize<T>(File.ReadAllText(path))
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw StageArtifact.Stale(path, $"not a record the {task} task wrote: {e.Message}", task);
        }
    }
}
