using System.Text.Json;

namespace Prewarm.Core.Docker;

/// <summary>One platform's manifest: what <c>REPOSITORY@DIGEST</c> pulls or runs without a tag.</summary>
public sealed record PlatformManifest(BuildPlatform Platform, string? Digest);

/// <summary>What <c>docker manifest inspect</c> says about a reference: a manifest list (or OCI index)
/// and its platforms, or a single manifest, whose platform is in its config blob
/// (<see cref="NeedsConfig"/>) unless <c>-v</c> printed it.</summary>
public sealed record ManifestPlatforms(string Reference, string MediaType, bool IsList, IReadOnlyList<PlatformManifest> Manifests, string? ConfigDigest)
{
    /// <summary>The platforms, in the list's order, each once.</summary>
    public IReadOnlyList<BuildPlatform> Platforms { get; } = Manifests.Select(m => m.Platform).Distinct().ToList();

    /// <summary>A single manifest printed without <c>-v</c>: its platform is only in the config blob
    /// <see cref="ConfigDigest"/> (read it with <see cref="ImagePlatforms.ParseImage"/>, or inspect again with <c>-v</c>).</summary>
    public bool NeedsConfig => !IsList && Platforms.Count == 0;

    /// <summary>The manifest that serves <paramref name="platform"/> (see <see cref="ImagePlatforms.Provides"/>), or null.</summary>
    public PlatformManifest? Find(BuildPlatform platform) => Manifests.FirstOrDefault(m => ImagePlatforms.Provides(m.Platform, platform));
}

/// <summary>
/// The platforms an image has, from the JSON the docker CLI prints: <c>docker manifest inspect
/// [-v] --insecure REF</c> (a registry's manifest list, OCI index or single manifest; docker and OCI
/// media types) and <c>docker image inspect [--format '{{json .}}'] REF</c> or an image config blob
/// (one platform). Attestation entries (<c>unknown/unknown</c>) are not platforms.
/// </summary>
public static class ImagePlatforms
{
    private const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";
    private const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>Parses <c>docker manifest inspect [-v] REF</c>: without <c>-v</c> the manifest (list) itself;
    /// with <c>-v</c> one <c>{"Ref", "Descriptor": {…, "platform"}, "SchemaV2Manifest"|"OCIManifest"}</c>
    /// object for a single manifest, an array of them for a list.</summary>
    public static ManifestPlatforms ParseManifestInspect(string json, string reference)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var entries = root.EnumerateArray()
                    .Select(e => e.TryGetProperty("Descriptor", out var d) ? Entry(d) : null)
                    .OfType<PlatformManifest>()
                    .ToList();
                return new ManifestPlatforms(reference, DockerList, true, entries, null);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("expected a JSON object or array");
            }

            if (root.TryGetProperty("Descriptor", out var descriptor))
            {
                var manifest = root.TryGetProperty("SchemaV2Manifest", out var v2) ? v2
                    : root.TryGetProperty("OCIManifest", out var oci) ? oci
                    : default;
                var mediaType = Text(descriptor, "mediaType") ?? DockerManifest;
                var entry = Entry(descriptor);
                return new ManifestPlatforms(reference, mediaType, false, entry is null ? [] : [entry],
                    manifest.ValueKind == JsonValueKind.Object ? ConfigDigest(manifest) : null);
            }

            var type = Text(root, "mediaType");
            if (type is DockerList or OciIndex || (type is null && root.TryGetProperty("manifests", out _)))
            {
                var entries = root.GetProperty("manifests").EnumerateArray()
                    .Where(m => !IsAttestation(m))
                    .Select(Entry)
                    .OfType<PlatformManifest>()
                    .ToList();
                return new ManifestPlatforms(reference, type ?? OciIndex, true, entries, null);
            }

            if (type is DockerManifest or OciManifest || (type is null && root.TryGetProperty("config", out _)))
            {
                return new ManifestPlatforms(reference, type ?? OciManifest, false, [], ConfigDigest(root));
            }

            throw new JsonException(type is null ? "neither a manifest list nor a manifest" : $"unsupported media type {type}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PrewarmException($"docker manifest inspect {reference}: unexpected output ({e.Message}).", e);
        }
    }

    /// <summary>The one platform of a local image: <c>docker image inspect --format '{{json .}}' REF</c>
    /// (Os, Architecture, Variant), the array plain <c>docker image inspect REF</c> prints, or an image
    /// config blob (os, architecture, variant).</summary>
    public static BuildPlatform ParseImage(string json, string reference)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                root = root.GetArrayLength() == 1
                    ? root[0]
                    : throw new JsonException($"expected one image, got {root.GetArrayLength()}");
            }

            return Platform(root, "Os", "Architecture", "Variant")
                   ?? Platform(root, "os", "architecture", "variant")
                   ?? throw new JsonException("no Os and Architecture");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new PrewarmException($"docker image inspect {reference}: unexpected output ({e.Message}).", e);
        }
    }

    /// <summary>Whether an image for <paramref name="available"/> serves a build for <paramref name="requested"/>:
    /// same os and architecture, and the same variant once defaults are applied (arm64 is v8, arm is v7);
    /// a request without a variant takes any.</summary>
    public static bool Provides(BuildPlatform available, BuildPlatform requested)
    {
        var have = Normalize(available);
        var want = Normalize(requested);
        return have.Os == want.Os
               && have.Architecture == want.Architecture
               && (want.Variant is null || want.Variant == have.Variant);
    }

    /// <summary>The requested platforms no available one provides, in request order.</summary>
    public static IReadOnlyList<BuildPlatform> Missing(IEnumerable<BuildPlatform> requested, IEnumerable<BuildPlatform> available)
    {
        var have = available.ToList();
        return requested.Distinct().Where(r => !have.Any(a => Provides(a, r))).ToList();
    }

    /// <summary>One line naming which requested platforms <paramref name="image"/> lacks and the fix,
    /// or null when it has them all.</summary>
    public static string? DescribeMissing(string image, IEnumerable<BuildPlatform> requested, IEnumerable<BuildPlatform> available)
    {
        var have = available.ToList();
        var missing = Missing(requested, have);
        if (missing.Count == 0)
        {
            return null;
        }

        var lacks = string.Join(", ", missing);
        var has = have.Count == 0 ? "no platform" : string.Join(", ", have);
        return $"base image {image} lacks {lacks} (it has {has}); fix: publish it for {lacks} too "
               + $"(a manifest list naming every platform, e.g. docker manifest create + push), or leave {lacks} out of --platform";
    }

    private static BuildPlatform Normalize(BuildPlatform platform) => platform switch
    {
        { Architecture: "arm64", Variant: "v8" } => platform with { Variant = null },
        { Architecture: "arm", Variant: null } => platform with { Variant = "v7" },
        { Architecture: "amd64", Variant: "v1" } => platform with { Variant = null },
        _ => platform,
    };

    private static bool IsAttestation(JsonElement manifest) =>
        manifest.TryGetProperty("annotations", out var annotations)
        && annotations.ValueKind == JsonValueKind.Object
        && annotations.TryGetProperty("vnd.docker.reference.type", out _);

    private static PlatformManifest? Entry(JsonElement descriptor) =>
        descriptor.TryGetProperty("platform", out var platform) && Platform(platform, "os", "architecture", "variant") is { } p
            ? new PlatformManifest(p, Text(descriptor, "digest"))
            : null;

    private static BuildPlatform? Platform(JsonElement element, string os, string architecture, string variant)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var o = Text(element, os);
        var a = Text(element, architecture);
        if (string.IsNullOrEmpty(o) || string.IsNullOrEmpty(a) || o == "unknown" || a == "unknown")
        {
            return null;
        }

        var v = Text(element, variant);
        return new BuildPlatform(o, a, string.IsNullOrEmpty(v) ? null : v);
    }

    private static string? ConfigDigest(JsonElement manifest) =>
        manifest.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object ? Text(config, "digest") : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
