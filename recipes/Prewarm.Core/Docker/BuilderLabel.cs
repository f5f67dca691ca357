using System.Text.Json;

namespace Prewarm.Core.Docker;

/// <summary>
/// What an organisation builder image says of itself in its <c>org.prewarm.builder</c> label: the
/// inputs its compiled dependencies depend on. A repository building FROM it must match them, or
/// nothing the builder compiled would be reused.
/// </summary>
public sealed record BuilderLabel
{
    public const string Name = "org.prewarm.builder";

    public required string Fingerprint { get; init; }

    public required string BaseImage { get; init; }

    public required string Profile { get; init; }

    public required int Uid { get; init; }

    public required int Gid { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The label of <paramref name="image"/>; a missing or unreadable one is one line naming the image.</summary>
    public static BuilderLabel Parse(string? json, string image)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PrewarmException($"--builder-image {image}: the image has no {Name} label; it was not made by the BuilderImage task.");
        }

        try
        {
            return JsonSerializer.Deserialize<BuilderLabel>(json, JsonOptions) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new PrewarmException($"--builder-image {image}: its {Name} label is not readable ({e.Message}).");
        }
    }

    /// <summary>One line naming each difference that would make the builder's units useless, or null.</summary>
    public string? Mismatch(string image, string profile, int uid, int gid)
    {
        var differences = new List<string>();
        if (Profile != profile)
        {
            differences.Add($"profile {Profile} (this build: {profile})");
        }

        if (Uid != uid || Gid != gid)
        {
            differences.Add($"build user {Uid}:{Gid} (this build: {uid}:{gid})");
        }

        return differences.Count == 0
            ? null
            : $"--builder-image {image} was built with {string.Join(" and ", differences)}: nothing it compiled would be reused. Rebuild it with the same --profile/--uid/--gid, or render this Dockerfile with its.";
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
