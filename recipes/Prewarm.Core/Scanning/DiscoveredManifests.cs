using Prewarm.Core.IO;

namespace Prewarm.Core.Scanning;

/// <summary>What manifest discovery found: every manifest path (repository-relative, sorted), those of
/// them reached through a directory symlink that points back into the repository, and the listings
/// of the directories it walked (for the scan's later existence checks).</summary>
internal sealed record DiscoveredManifests(IReadOnlyList<string> All, IReadOnlySet<string> Aliased, ListedDirectories Listings);
