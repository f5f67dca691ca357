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
        // (its first use resolves it, so an unknown one fails there, naming that package as before). Looked
        // up by span: a reference already seen costs no string.
        var rewrittenReferences = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenReferences = rewrittenReferences.GetAlternateLookup<ReadOnlySpan<char>>();
        var normalized = text.ReplaceLineEndings("\n");
        var output = new StringBuilder(normalized.Length);
        // The same regular expressions as matched on each block's own string, matched on its span instead:
        // a match's groups are read back from its text (each pattern fixes where they lie in it).
        for (var start = 0; start < normalized.Length;)
        {
            var block = NextBlock(normalized, ref start);
            if (!block.StartsWith("[[package]]\n", StringComparison.Ordinal))
            {
                output.Append(block);
                continue;
            }

            var name = Field(block, NameField(), "name = \"".Length);
            var version = Field(block, VersionField(), "version = \"".Length);
            var source = Field(block, SourceField(), "source = \"".Length);
            if (keep is not null && !keep.Contains(source is null ? $"{name} {version}" : $"{name} {version} ({source})"))
            {
                continue;
            }

            // Only a masked block is copied: its version line is replaced before references are matched, as before.
            if (source is null && masked.Contains((name!, version!)) && First(block, VersionLine()) is { } versionLine)
            {
                block = string.Concat(block[..versionLine.Index], $"version = \"{ManifestMetadata.MaskedVersion}\"", block[(versionLine.Index + versionLine.Length)..]);
            }

            var from = name is null || version is null ? null : byId.GetValueOrDefault((name, version, source));
            var copied = 0;
            foreach (var match in DependencyReference().EnumerateMatches(block))
            {
                var line = block.Slice(match.Index, match.Length);
                if (!seenReferences.TryGetValue(line, out var reference))
                {
                    // The match is ` "<reference>",`; its source group is what follows the name (and version) as " (…)".
                    var written = line[2..^2];
                    var target = lockfile.Resolve(written.ToString(), from);
                    reference = $" \"{Reference(target, VersionOf(target), WrittenSource(written), versionCounts[target.Name], lockfile.Version)}\",";
                    rewrittenReferences[line.ToString()] = reference;
                }

                output.Append(block[copied..match.Index]).Append(reference);
                copied = match.Index + match.Length;
            }

            output.Append(block[copied..]);
        }

        var result = output.ToString();
        while (result.EndsWith("\n\n", StringComparison.Ordinal))
        {
            result = result[..^1];
        }

        return result;
    }

    /// <summary>Cargo separates entries with one blank line; each block keeps its trailing blank line.</summary>
    private static ReadOnlySpan<char> NextBlock(string text, ref int start)
    {
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end + 2;
        var block = text.AsSpan(start, end - start);
        start = end;
        return block;
    }

    /// <summary>A block's <c>key = "value"</c> line (one generated regex per key: thousands of blocks):
    /// the value lies between the <paramref name="prefix"/> and the closing quote.</summary>
    private static string? Field(ReadOnlySpan<char> block, Regex line, int prefix) =>
        First(block, line) is { } match ? block.Slice(match.Index + prefix, match.Length - prefix - 1).ToString() : null;

    private static (int Index, int Length)? First(ReadOnlySpan<char> block, Regex pattern)
    {
        foreach (var match in pattern.EnumerateMatches(block))
        {
            return (match.Index, match.Length);
        }

        return null;
    }

    /// <summary>DependencyReference's source group in a matched reference: the name has no space and the
    /// version neither space nor '(', so the group, when present, is all after the first " (" following
    /// them, less the closing ')'.</summary>
    private static string? WrittenSource(ReadOnlySpan<char> reference)
    {
        var space = reference.IndexOf(' ');
        if (space < 0)
        {
            return null;
        }

        if (reference[space + 1] != '(')
        {
            var afterVersion = reference[(space + 1)..].IndexOf(' ');
            if (afterVersion < 0)
            {
                return null;
            }

            space += 1 + afterVersion;
        }

        return reference[(space + 2)..^1].ToString();
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
    private static string Reference(LockedPackage target, string version, string? writtenSource, IReadOnlyDictionary<string, int> versionCounts, int format)
    {
        // The written source keeps cargo's exact spelling (no #precise, v1/v2 branch forms).
        var source = writtenSource ?? target.Source?.Split('#')[0];
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
