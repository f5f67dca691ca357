namespace Prewarm.Core.Docker;

/// <summary>
/// What an organisation builder image holds (<c>builder.json</c>, in the artifacts and at
/// <c>/build/prewarm/builder.json</c> in the image): the crates of each warmup tier and the
/// repositories whose dependency builds it ran. The units each step compiled, with versions and
/// feature sets, are beside it in <c>/build/prewarm/builder/</c> (cargo's own messages).
/// </summary>
public sealed record BuilderContents
{
    /// <summary>SHA-256 of the Dockerfile and every file of the build context: same inputs, same
    /// fingerprint, and the content tag that names it.</summary>
    public required string Fingerprint { get; init; }

    public required string BaseImage { get; init; }

    public required string Profile { get; init; }

    public required int Uid { get; init; }

    public required int Gid { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Tiers { get; init; }

    public required IReadOnlyList<string> Repositories { get; init; }

    public BuilderLabel Label() => new() { Fingerprint = Fingerprint, BaseImage = BaseImage, Profile = Profile, Uid = Uid, Gid = Gid };

    /// <summary>The tag that names these inputs: the repository of <paramref name="tag"/> with the
    /// fingerprint's first 16 hex digits (<c>r/builder:latest</c> → <c>r/builder:3f2a…</c>).</summary>
    public string ContentTag(string tag)
    {
        var slash = tag.LastIndexOf('/');
        var colon = tag.LastIndexOf(':');
        var repository = colon > slash ? tag[..colon] : tag;
        return $"{repository}:{Fingerprint[..16]}";
    }
}
