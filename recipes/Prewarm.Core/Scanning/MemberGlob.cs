using System.Text.RegularExpressions;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;

namespace Prewarm.Core.Scanning;

/// <summary>Expands a <c>workspace.members</c> / <c>default-members</c> entry the way cargo's glob does:
/// <c>*</c>, <c>?</c> and <c>[…]</c> within one path segment.</summary>
internal static class MemberGlob
{
    public static bool IsPattern(string entry) => entry.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>Directories (relative to <paramref name="repoRoot"/>, '/'-separated, sorted) matching
    /// <paramref name="pattern"/> relative to <paramref name="baseDirectory"/>; whether a directory exists comes
    /// from the scan's <paramref name="listings"/> where they settle it.</summary>
    public static IReadOnlyList<string> Expand(string repoRoot, string baseDirectory, string pattern, ListedDirectories? listings = null)
    {
        listings ??= ListedDirectories.None;

        var current = new List<string> { baseDirectory };
        foreach (var segment in pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = new List<string>();
            foreach (var directory in current)
            {
                if (segment is "." or ".." || !IsPattern(segment))
                {
                    next.Add(ManifestPaths.Normalize(ManifestPaths.Combine(directory, segment)));
                    continue;
                }

                var full = Path.Combine(repoRoot, directory);
                if (!listings.DirectoryExists(full))
                {
                    continue;
                }

                var regex = new Regex("^" + ToRegex(segment) + "$", RegexOptions.CultureInvariant);
                next.AddRange(DirectoryListing.Directories(full)
                    .Select(Path.GetFileName)
                    .Where(name => name is not null && regex.IsMatch(name)) // like glob's defaults, * also matches a leading dot
                    .Select(name => ManifestPaths.Combine(directory, name!)));
            }

            current = next;
        }

        return current.Where(d => listings.DirectoryExists(Path.Combine(repoRoot, d))).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string ToRegex(string segment)
    {
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    break;
                case '?':
                    pattern.Append('.');
                    break;
                case '[':
                    var end = segment.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        pattern.Append(@"\[");
                        break;
                    }

                    var body = segment[(i + 1)..end];
                    pattern.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = end;
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return pattern.ToString();
    }
}
