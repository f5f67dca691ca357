using System.Text.Json;

namespace Prewarm.Cake.Docker;

/// <summary>
/// Finds a tag's previous image — in the engine, else pulled from the registry a <c>--cache-from</c>
/// names or the tag is pushed to (a fresh runner has nothing but the registry) — and chooses the build's
/// <see cref="SeedImage"/> from it.
/// </summary>
internal sealed class SeedSelector(ICakeContext context, DockerEngine engine)
{
    /// <summary>Chooses the seed of the build about to run for <paramref name="platforms"/> (one, or all of buildx's) and
    /// puts it in the settings: the build argument, and the labels the next build reads. <c>unavailable</c>: the
    /// --cache-from images their registry does not have.</summary>
    public SeedImage Seed(DockerBuildxBuildSettings settings, string dockerfile, string contextDirectory, IReadOnlyList<BuildPlatform> platforms, IReadOnlyList<string> unavailable)
    {
        var inputs = SeedInputs.Compute(dockerfile, contextDirectory, string.Join(',', platforms), settings.BuildArgs);
        // Several platforms built one by one: each has its own tags (and its own previous image).
        var perPlatform = platforms.Count == 1 && settings.Platforms.Count > 1 && engine.Mode == DockerBuildMode.IntegratedBuildKit;
        string Named(string reference) => perPlatform ? PlatformTags.For(reference, platforms[0]) : reference;
        var candidates = settings.CacheFrom
            .Where(c => c.Type == "registry").Select(c => c.Get("ref")).OfType<string>()
            .Where(r => !unavailable.Contains(r, StringComparer.Ordinal))
            .Select(Named)
            .Concat(settings.Push ? [settings.Tags[0]] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var seed = Select(settings.Tags[0], candidates, inputs, platforms.Count == 1 ? platforms[0] : null);
        context.Log.Information("Seed {0}: {1} ({2}).", string.Join(',', platforms), seed.Reference, seed.Reason);
        settings.BuildArgs[SeedImage.BuildArgument] = seed.Reference;
        settings.Labels[SeedImage.InputsLabel] = inputs;
        settings.Labels[SeedImage.SeedLabel] = seed.Reference;
        return seed;
    }

    /// <param name="tag">The tag this build writes (a platform's own tag when several are built one by one).</param>
    /// <param name="registryCandidates">References a registry may hold the previous image under, in order.</param>
    /// <param name="dependencyInputs">This build's <see cref="SeedInputs"/>.</param>
    /// <param name="platform">The one platform built; an image of another is no seed for it (null: buildx's several).</param>
    public SeedImage Select(string tag, IReadOnlyList<string> registryCandidates, string dependencyInputs, BuildPlatform? platform)
    {
        PreviousImage? For(PreviousImage? image) => image is not null && (platform is null || image.Platform == $"{platform.Os}/{platform.Architecture}") ? image : null;
        var previous = For(Local(tag)) ?? registryCandidates.Select(r => For(Pulled(r))).FirstOrDefault(p => p is not null);
        var seed = SeedImage.Choose(previous, dependencyInputs, Available);
        if (previous is not null && seed.IsPrevious && !previous.Pinned.Contains('@'))
        {
            // Moved only now that it is the seed: until then it names the seed the previous image was built from.
            var tagged = context.DockerTag(previous.Reference, previous.Pinned, engine.Settings<DockerTagSettings>());
            if (!tagged.Succeeded)
            {
                throw new PrewarmException($"docker tag {previous.Reference} {previous.Pinned} failed: {tagged.ErrorSummary}");
            }
        }

        return seed;
    }

    private PreviousImage? Local(string reference)
    {
        var inspected = context.DockerImageInspect(reference, engine.Settings<DockerImageInspectSettings>());
        return inspected.Succeeded ? Read(reference, inspected.Output) : null;
    }

    private PreviousImage? Pulled(string reference) =>
        context.DockerPull(reference, engine.Settings<DockerPullSettings>()).Succeeded ? Local(reference) : null;

    private bool Available(string reference) =>
        context.DockerImageExists(reference, engine.Settings<DockerImageInspectSettings>())
        || (reference.Contains('@') && context.DockerPull(reference, engine.Settings<DockerPullSettings>()).Succeeded);

    /// <summary>The inspected image, pinned by its registry digest in the tag's repository, else by the local tag
    /// <c>REPOSITORY:prewarm-seed-TAG</c>: one per tag, moved only when the seed changes, so the engine keeps
    /// one seed image per tag rather than one per dependency change.</summary>
    private PreviousImage Read(string reference, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.GetProperty("Config").TryGetProperty("Labels", out var found) && found.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in found.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }
        }

        var repository = ImageReference.Repository(reference);
        var digest = root.TryGetProperty("RepoDigests", out var digests) && digests.ValueKind == JsonValueKind.Array
            ? digests.EnumerateArray().Select(d => d.GetString()).OfType<string>().FirstOrDefault(d => ImageReference.Repository(d) == repository)
            : null;
        return new PreviousImage(reference, digest ?? PreviousImage.SeedTagFor(reference), labels)
        {
            Platform = $"{root.GetProperty("Os").GetString()}/{root.GetProperty("Architecture").GetString()}",
        };
    }
}
