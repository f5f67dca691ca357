using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>What one repository's scan read: every manifest and lockfile with its hash.</summary>
public sealed record ScanInputs
{
    public required string Id { get; init; }

    public required IReadOnlyList<ScannedFile> Files { get; init; }

    /// <summary>The hashes of <paramref name="repository"/>'s manifests and lockfiles, read from its root.</summary>
    public static ScanInputs Of(CargoRepository repository) => new()
    {
        Id = repository.Id,
        Files = repository.Manifests.Select(m => m.Path)
            .Concat(repository.Lockfiles.Select(l => l.Path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => new ScannedFile(path, ScannedFile.HashOf(System.IO.Path.Combine(repository.RootPath, path), path)))
            .ToList(),
    };
}
