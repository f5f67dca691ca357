using System.Text;
using System.Text.RegularExpressions;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>Rewrites a Cargo.lock for the skeleton: local packages (no <c>source</c>) get the masked
/// version, references are written the way cargo would for what remains, and with a member filter
/// only the kept packages remain.
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

        // cargo writes a reference as short as the packages it keeps allow (see Reference); masking
        // and dropping change which versions of a name remain, so each reference is written anew.
        var kept = lockfile.Packages.Where(p => keep is null || keep.Contains(p.Id)).ToList();
        string VersionOf(LockedPackage p) => masked.Contains((p.Name, p.Version)) && p.Source is null ? ManifestMetadata.MaskedVersion : p.Version;
        var versionCounts = kept
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(VersionOf, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

        // By id, not a scan of the package list per block: a large lockfile has thousands of entries.
        var byId = lockfile.Packages.GroupBy(p => (p.Name, p.Version, p.Source)).ToDictionary(g => g.Key, g => g.First());
        // Thousands of references name the same packages: each distinct one is resolved and rewritten once
        // (its first use resolves it, so an unknown one fails there, naming that package as before).
        var rewrittenReferences = new Dictionary<string, string>(StringComparer.Ordinal);
        var output = new StringBuilder(text.Length);
        foreach (var block in SplitBlocks(text.ReplaceLineEndings("\n")))
        {
            if (!block.StartsWith("[[package]]\n", StringComparison.Ordinal))
            {
                output.Append(block);
                continue;
            }

            var name = Field(block, NameField());
            var version = Field(block, VersionField());
            var source = Field(block, SourceField());
            if (keep is not null && !keep.Contains(source is null ? $"{name} {version}" : $"{name} {version} ({source})"))
            {
                continue;
            }

            var rewritten = block;
            if (source is null && masked.Contains((name!, version!)))
            {
                rewritten = VersionLine().Replace(rewritten, $"version = \"{ManifestMetadata.MaskedVersion}\"", 1);
            }

            var from = name is null || version is null ? null : byId.GetValueOrDefault((name, version, source));
            rewritten = DependencyReference().Replace(rewritten, m =>
            {
                if (!rewrittenReferences.TryGetValue(m.Value, out var reference))
                {
                    var target = lockfile.Resolve(m.Groups["reference"].Value, from);
                    reference = $" \"{Reference(target, VersionOf(target), m.Groups["source"], versionCounts[target.Name], lockfile.Version)}\",";
                    rewrittenReferences[m.Value] = reference;
                }

                return reference;
            });
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

    /// <summary>A block's <c>key = "value"</c> line (one generated regex per key: thousands of blocks).</summary>
    private static string? Field(string block, Regex line)
    {
        var match = line.Match(block);
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex("^name = \"(?<value>[^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex NameField();

    [GeneratedRegex("^version = \"(?<value>[^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex VersionField();

    [GeneratedRegex("^source = \"(?<value>[^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex SourceField();

    [GeneratedRegex("^version = \"[^\"]*\"$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    /// <summary>cargo's encoding of a reference (<c>encodable_package_id</c>): the source only when
    /// several packages share that version (never for a path package, which has none), the version
    /// unless it is the only package of its name (so also beside a source, or a path package's
    /// twin). Format v1 always writes both.</summary>
    private static string Reference(LockedPackage target, string version, Group writtenSource, IReadOnlyDictionary<string, int> versionCounts, int format)
    {
        // The written source keeps cargo's exact spelling (no #precise, v1/v2 branch forms).
        var source = writtenSource.Success ? writtenSource.Value : target.Source?.Split('#')[0];
        if (format > 1 && versionCounts[version] == 1)
        {
            source = null;
        }

        var withVersion = format <= 1 || versionCounts.Count > 1 || versionCounts[version] > 1;
        return target.Name + (withVersion ? " " + version : "") + (source is null ? "" : $" ({source})");
    }

    [GeneratedRegex("^ \"(?<reference>[^ \"]+(?: [^ \"(]+)?(?: \\((?<source>[^\"]*)\\))?)\",$", RegexOptions.Multiline)]
    private static partial Regex DependencyReference();
}
