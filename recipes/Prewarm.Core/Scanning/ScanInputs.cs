using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>What one repository's scan read: every manifest and lockfile with its hash.</summary>
public sealed record ScanInputs
{
    public required string Id { get; init; }

    public required IReadOnlyList<ScannedFile> Files { get; init; }

    /// <summary>The hashes of <paramref name="repository"/>'s manifests (of the texts the scan parsed) and
    /// lockfiles (read from its root).</summary>
    public static ScanInputs Of(CargoRepository repository)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in repository.Manifests.Where(m => m.Text.Length > 0))
        {
            texts.TryAdd(manifest.Path, manifest.Text);
        }

        return new()
        {
            Id = repository.Id,
            Files = repository.Manifests.Select(m => m.Path)
                .Concat(repository.Lockfiles.Select(l => l.Path))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(path => new ScannedFile(path, texts.TryGetValue(path, out var text)
                    ? ScannedFile.HashOfText(text)
                    : ScannedFile.HashOf(System.IO.Path.Combine(repository.RootPath, path), path)))
                .ToList(),
        };
    }
}
