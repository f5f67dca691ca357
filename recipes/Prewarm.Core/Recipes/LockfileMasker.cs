using System.Text;
using System.Text.RegularExpressions;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>Rewrites a Cargo.lock for the skeleton: local packages (no <c>source</c>) get the masked
/// version, references to them follow, and with a member filter only the kept packages remain.
/// Works on cargo's own line layout rather than re-serialising, because <c>--locked</c> compares
/// the file with what cargo would write and a re-formatted lockfile would fail that check.</summary>
public static partial class LockfileMasker
{
    /// <param name="text">The lockfile as cargo wrote it.</param>
    /// <param name="lockfile">The same lockfile, parsed (for the graph).</param>
    /// <param name="maskedNames">Local packages whose version is masked.</param>
    /// <param name="keepRoots">With a member filter: the local packages to keep; everything they do not reach is dropped.</param>
    public static string Mask(string text, Lockfile lockfile, IReadOnlySet<string> maskedNames, IReadOnlyCollection<string>? keepRoots = null)
    {
        var masked = lockfile.Packages
            .Where(p => p.Source is null && maskedNames.Contains(p.Name))
            .Select(p => (p.Name, p.Version))
            .ToHashSet();
        HashSet<string>? keep = null;
        if (keepRoots is not null)
        {
            keep = [];
            foreach (var root in lockfile.Packages.Where(p => p.Source is null && keepRoots.Contains(p.Name)))
            {
                keep.Add(root.Id);
                keep.UnionWith(lockfile.TransitiveClosure(root).Select(p => p.Id));
            }
        }

        var output = new StringBuilder();
        foreach (var block in SplitBlocks(text.ReplaceLineEndings("\n")))
        {
            if (!block.StartsWith("[[package]]\n", StringComparison.Ordinal))
            {
                output.Append(block);
                continue;
            }

            var name = Field(block, "name");
            var version = Field(block, "version");
            var source = Field(block, "source");
            if (keep is not null && !keep.Contains(source is null ? $"{name} {version}" : $"{name} {version} ({source})"))
            {
                continue;
            }

            var rewritten = block;
            if (source is null && masked.Contains((name!, version!)))
            {
                rewritten = VersionLine().Replace(rewritten, $"version = \"{ManifestMetadata.MaskedVersion}\"", 1);
            }

            // Dependency references carry a version only when a name is ambiguous: "name 1.2.3".
            rewritten = DependencyReference().Replace(rewritten, m =>
                masked.Contains((m.Groups["name"].Value, m.Groups["version"].Value))
                    ? $" \"{m.Groups["name"].Value} {ManifestMetadata.MaskedVersion}{m.Groups["rest"].Value}\","
                    : m.Value);
            output.Append(rewritten);
        }

        var result = output.ToString();
        while (result.EndsWith("\n\n", StringComparison.Ordinal))
        {
            result = result[..^1];
        }

        return result;
    }

    /// <summary>Cargo separates entries with one blank line; each block keeps its trailing blank line.</summary>
    private static IEnumerable<string> SplitBlocks(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + 2;
            yield return text[start..end];
            start = end;
        }
    }

    private static string? Field(string block, string key)
    {
        var match = Regex.Match(block, $"^{Regex.Escape(key)} = \"(?<value>[^\"]*)\"$", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex("^version = \"[^\"]*\"$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex("^ \"(?<name>[^ \"]+) (?<version>[^ \"]+)(?<rest>[^\"]*)\",$", RegexOptions.Multiline)]
    private static partial Regex DependencyReference();
}
