namespace Prewarm.Core.Cargo;

/// <summary>What manifest discovery found: every manifest path (repository-relative, sorted) and
/// those of them reached through a directory symlink that points back into the repository.</summary>
internal sealed record DiscoveredManifests(IReadOnlyList<string> All, IReadOnlySet<string> Aliased);
