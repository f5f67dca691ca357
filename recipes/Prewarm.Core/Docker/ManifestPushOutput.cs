using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>
/// What <c>docker manifest push</c> printed: one "Pushed ref …" line per platform image, then the
/// manifest list's own digest alone on the last line, the digest the joined tag resolves to.
/// </summary>
public static partial class ManifestPushOutput
{
    /// <summary>The list's digest (<c>sha256:…</c>), or null when the output names none.</summary>
    public static string? ListDigest(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => Digest().IsMatch(line));

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
