using System.Text.Json.Serialization;

namespace Prewarm.Core.Cargo;

/// <summary>Everything Rust in one repository root: workspaces, packages (members and standalone),
/// manifests and lockfiles. All paths inside are relative to <see cref="RootPath"/>.</summary>
public sealed record CargoRepository
{
    /// <summary>The repository's id: its directory name lower-cased, made unique with -2, -3… in --repo order.</summary>
    public required string Id { get; init; }

    /// <summary>The absolute root; kept out of scan.json so reports don't depend on where a tree lives.</summary>
    [JsonIgnore]
    public string RootPath { get; init; } = string.Empty;

    public IReadOnlyList<CargoWorkspace> Workspaces { get; init; } = [];

    /// <summary>Every package, sorted by manifest path.</summary>
    public IReadOnlyList<CargoPackage> Packages { get; init; } = [];

    /// <summary>Every manifest that takes part (package and workspace roots), sorted by path.</summary>
    public IReadOnlyList<CargoManifest> Manifests { get; init; } = [];

    /// <summary>The scan's parse of each of <see cref="Manifests"/>, for the stage that edits one (not serialised;
    /// none for a repository read from scan.json). <c>with</c> copies share it.</summary>
    [JsonIgnore]
    public ManifestDocuments Documents { get; init; } = new();

    /// <summary>Cargo.lock files next to workspace roots and standalone packages, sorted by path.</summary>
    public IReadOnlyList<Lockfile> Lockfiles { get; init; } = [];

    /// <summary>The lockfile cargo would use for <paramref name="package"/>: its workspace root's, else its own.</summary>
    public Lockfile? LockfileFor(CargoPackage package)
    {
        var directory = ManifestPaths.DirectoryOf(package.WorkspaceRoot ?? package.InheritsFrom ?? package.ManifestPath);
        var path = ManifestPaths.Combine(directory, "Cargo.lock");
        return Lockfiles.FirstOrDefault(l => l.Path == path);
    }
}
