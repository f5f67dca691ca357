using System.Text;
using System.Text.RegularExpressions;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>Rewrites a Cargo.lock for the skeleton: local packages (no <c>source</c>) get the masked
/// version, references are written the way cargo would for what remains (and, where masking changed
/// the order of a name's versions, entries and references are in cargo's order again), and with a
/// member filter only the kept packages remain.
/// Works on cargo's own line layout rather than re-serialising, because <c>--locked</c> compares
/// the file with what cargo would write and a re-formatted lockfile would fail that check.</summary>
public static partial class LockfileMasker
{
    /// <param name="text">The lockfile as cargo wrote it.</param>
    /// <param name="lockfile">The same lockfile, parsed (for the graph).</param>
    /// <param name="maskedNames">Local packages whose version is masked to <see cref="ManifestMetadata.MaskedVersion"/>.</param>
    /// <param name="keepRoots">With a member filter: the local packages to keep; everything they do not reach is dropped.</param>
    public static string Mask(string text, Lockfile lockfile, IReadOnlySet<string> maskedNames, IReadOnlyCollection<string>? keepRoots = null) =>
        Mask(text, lockfile, (name, _) => maskedNames.Contains(name) ? ManifestMetadata.MaskedVersion : null, keepRoots);

    /// <param name="text">The lockfile as cargo wrote it.</param>
    /// <param name="lockfile">The same lockfile, parsed (for the graph).</param>
    /// <param name="maskedVersion">The masked version of a local package by name and locked version, or null where it keeps its own.</param>
    /// <param name="keepRoots">With a member filter: the local packages to keep; everything they do not reach is dropped.</param>
    public static string Mask(string text, Lockfile lockfile, Func<string, string, string?> maskedVersion, IReadOnlyCollection<string>? keepRoots = null)
    {
        var masked = new Dictionary<(string Name, string Version), string>();
        foreach (var package in lockfile.Packages.Where(p => p.Source is null))
        {
            if (maskedVersion(package.Name, package.Version) is { } version)
            {
                masked.TryAdd((package.Name, package.Version), version);
            }
        }

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
        string VersionOf(LockedPackage p) => p.Source is null && masked.TryGetValue((p.Name, p.Version), out var version) ? version : p.Version;
        var versionCounts = kept
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(VersionOf, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

        // Masking can change the order of a name's versions (foo 1.0.0 in foo/ and 2.0.0 in ext/foo become
        // 0.0.2 and 0.0.1; a member's masked 2.0.0 now comes before the registry's 1.5.0): cargo orders
        // entries by version and references by their text, so such a name's entries and the reference
        // lists naming it are put in that order again.
        var resorted = kept
            .Where(p => p.Source is null && masked.ContainsKey((p.Name, p.Version)) && versionCounts[p.Name].Count > 1)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var run = new List<(string Name, string Version, string Text)>();

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
                AppendRun(output, run);
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
            var writtenVersion = version;
            if (source is null && masked.TryGetValue((name!, version!), out var maskedTo) && First(block, VersionLine()) is { } versionLine)
            {
                block = string.Concat(block[..versionLine.Index], $"version = \"{maskedTo}\"", block[(versionLine.Index + versionLine.Length)..]);
                writtenVersion = maskedTo;
            }

            var inRun = name is not null && resorted.Contains(name);
            if (!inRun || (run.Count > 0 && run[0].Name != name))
            {
                AppendRun(output, run);
            }

            var from = name is null || version is null ? null : byId.GetValueOrDefault((name, version, source));
            var mark = output.Length;
            var namesResorted = false;
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
                namesResorted |= resorted.Count > 0 && resorted.Contains(ReferencedName(reference));
            }

            output.Append(block[copied..]);
            if (inRun || namesResorted)
            {
                var entry = output.ToString(mark, output.Length - mark);
                output.Length = mark;
                entry = namesResorted ? SortReferences(entry) : entry;
                if (inRun)
                {
                    run.Add((name!, writtenVersion ?? "", entry));
                }
                else
                {
                    output.Append(entry);
                }
            }
        }

        AppendRun(output, run);
        var result = output.ToString();
        while (result.EndsWith("\n\n", StringComparison.Ordinal))
        {
            result = result[..^1];
        }

        return result;
    }

    /// <summary>The entries of one name whose order masking changed, in cargo's order (by version, as
    /// semver orders them); each ends with the blank line cargo puts between entries (the file's last
    /// one loses it again at the end).</summary>
    private static void AppendRun(StringBuilder output, List<(string Name, string Version, string Text)> run)
    {
        foreach (var (_, _, text) in run.OrderBy(e => e.Version, SemverOrder.Comparer))
        {
            output.Append(text.TrimEnd('\n')).Append("\n\n");
        }

        run.Clear();
    }

    /// <summary>The package name a rewritten reference line (<c> "name version (source)",</c>) names.</summary>
    private static string ReferencedName(string line)
    {
        var inner = line.AsSpan(2, line.Length - 4);
        var space = inner.IndexOf(' ');
        return (space < 0 ? inner : inner[..space]).ToString();
    }

    /// <summary>An entry's reference lines in cargo's order: by name, then version as text (cargo compares
    /// the references it writes, so <c>foo 0.0.10</c> precedes <c>foo 0.0.2</c>); lines naming the same
    /// name and version keep their order.</summary>
    private static string SortReferences(string entry)
    {
        var lines = entry.Split('\n');
        for (var i = 0; i < lines.Length;)
        {
            if (!IsReference(lines[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Length && IsReference(lines[end]))
            {
                end++;
            }

            var sorted = lines[i..end]
                .OrderBy(ReferencedName, StringComparer.Ordinal)
                .ThenBy(l => l[2..^2].Split(' ').ElementAtOrDefault(1) ?? "", StringComparer.Ordinal)
                .ToArray();
            sorted.CopyTo(lines, i);
            i = end;
        }

        return string.Join('\n', lines);
    }

    private static bool IsReference(string line) => line.StartsWith(" \"", StringComparison.Ordinal) && line.EndsWith("\",", StringComparison.Ordinal);

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
