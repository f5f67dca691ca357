namespace Prewarm.Core.Docker;

/// <summary>
/// The last image built under a tag, as the engine has it (locally, or pulled from its registry): what
/// the Image task reads to choose a build's <see cref="SeedImage"/>.
/// </summary>
/// <param name="Reference">The tag it was found under.</param>
/// <param name="Pinned">A reference that names exactly this image for as long as it lives: its registry
/// digest (<c>repository@sha256:…</c>) when it was pushed or pulled, else a local tag made for it.</param>
/// <param name="Labels">Its labels: <see cref="SeedImage.InputsLabel"/> and <see cref="SeedImage.SeedLabel"/> when Prewarm seeded it.</param>
public sealed record PreviousImage(string Reference, string Pinned, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Its <c>os/architecture</c>, as the engine reports it; null when not known.</summary>
    public string? Platform { get; init; }

    /// <summary>The local tag that pins a never-pushed previous image of <paramref name="reference"/>:
    /// <c>REPOSITORY:prewarm-seed-TAG</c>, one per tag.</summary>
    public static string SeedTagFor(string reference)
    {
        var repository = ImageReference.Repository(reference);
        return $"{repository}:prewarm-seed-{(reference.Length > repository.Length ? reference[(repository.Length + 1)..] : "latest")}";
    }

    public string? DependencyInputs => Labels.GetValueOrDefault(SeedImage.InputsLabel);

    public string? Seed => Labels.GetValueOrDefault(SeedImage.SeedLabel);
}
