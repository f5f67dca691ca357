using System.Text.Json;
using Prewarm.Core.Docker;
using Prewarm.Core.IO;

namespace Prewarm.Core.Toolchain;

/// <summary>
/// The toolchains base images were found to hold, keyed by image id (the digest of the image's
/// configuration: another build of the same tag is another id), kept in <c>docker/toolchains.json</c>
/// under the artifacts so that an image is asked once, not once per run. An unreadable file is an
/// empty cache: it is only ever a shortcut.
/// </summary>
public sealed class ToolchainCache(string path)
{
    private sealed record Content(SortedDictionary<string, ImageToolchain> Images);

    public string Path { get; } = path;

    /// <summary>What <paramref name="imageId"/> was found to hold, or null.</summary>
    public ImageToolchain? Find(string imageId) => Read().GetValueOrDefault(imageId);

    /// <summary>Records what <paramref name="imageId"/> holds.</summary>
    public void Remember(string imageId, ImageToolchain toolchain)
    {
        var images = Read();
        images[imageId] = toolchain;
        AtomicFile.WriteAllText(Path, StageJson.Serialize(new Content(images)));
    }

    /// <summary>The image id (<c>sha256:…</c>) in what <c>docker image inspect --format '{{json .}}'</c> prints, or null.</summary>
    public static string? ImageId(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() == 1
                ? document.RootElement[0]
                : document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SortedDictionary<string, ImageToolchain> Read()
    {
        try
        {
            return File.Exists(Path)
                ? new SortedDictionary<string, ImageToolchain>(StageJson.Deserialize<Content>(File.ReadAllText(Path))?.Images ?? [], StringComparer.Ordinal)
                : new SortedDictionary<string, ImageToolchain>(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return new SortedDictionary<string, ImageToolchain>(StringComparer.Ordinal);
        }
    }
}
