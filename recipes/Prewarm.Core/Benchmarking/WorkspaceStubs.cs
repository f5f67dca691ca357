using Prewarm.Core.Verification;

namespace Prewarm.Core.Benchmarking;

/// <summary>
/// The "cook" half of the warm scenario: every workspace target's source replaced by an empty stub
/// (<c>fn main() {}</c> for binaries, build scripts, tests; nothing for libraries), so a build of the
/// stubbed copy compiles exactly the dependencies, as a Docker dependency layer would.
/// </summary>
public static class WorkspaceStubs
{
    /// <summary>Relative path → stub content, ordinal order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(IEnumerable<WorkspaceTarget> targets) =>
        targets
            .GroupBy(t => t.SourcePath, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, string>(g.Key, g.Any(t => t.IsLibrary) ? "// stub\n" : "fn main() {}\n"))
            .ToArray();
}
