namespace Prewarm.Core.IO;

/// <summary>The directory listings manifest discovery read, kept for the rest of the scan: whether a
/// package has <c>src/main.rs</c>, <c>build.rs</c> or a <c>tests/</c> folder, or whether a member has a
/// Cargo.toml, is then mostly answered from them instead of by a call per question (most of them
/// failing). Only what a listing settles is answered from memory: a name it does not hold is no file,
/// a directory it lists is one and any other entry it lists is a file as <see cref="File.Exists"/>
/// counts them. A name in a directory the walk did not list, or one that differs from a listed name
/// only in case (a case-insensitive file system would find it), is asked of the disk.</summary>
internal sealed class ListedDirectories
{
    /// <summary>No listing: every question goes to the disk (for lookups made outside a scan).</summary>
    public static ListedDirectories None { get; } = new();

    private readonly Dictionary<string, Dictionary<string, ListedEntry>> _listings = new(StringComparer.Ordinal);

    public void Add(string directory, IReadOnlyList<ListedEntry> entries)
    {
        var byName = new Dictionary<string, ListedEntry>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byName[Path.GetFileName(entry.FullPath)] = entry;
        }

        _listings[directory] = byName;
    }

    /// <summary>As <see cref="File.Exists"/> for the absolute <paramref name="path"/>.</summary>
    public bool FileExists(string path) =>
        FileAnswer(Find(Path.GetDirectoryName(path.AsSpan()), Path.GetFileName(path.AsSpan()), out var entry), entry) ?? File.Exists(path);

    /// <summary>As <see cref="FileExists(string)"/> for <paramref name="name"/> in the absolute
    /// <paramref name="directory"/>: the two are joined only if the disk must be asked.</summary>
    public bool FileExists(string directory, string name) =>
        FileAnswer(Find(directory, name, out var entry), entry) ?? File.Exists(Path.Combine(directory, name));

    // File.Exists is true for every entry but a directory (a dangling link included); null: ask the disk.
    private static bool? FileAnswer(Answer answer, ListedEntry entry) => answer switch
    {
        Answer.Absent => false,
        Answer.Listed => !entry.IsDirectory,
        _ => null,
    };

    /// <summary>As <see cref="Directory.Exists"/> for the absolute <paramref name="path"/>.</summary>
    public bool DirectoryExists(string path) => Find(Path.GetDirectoryName(path.AsSpan()), Path.GetFileName(path.AsSpan()), out var entry) switch
    {
        Answer.Absent => false,
        Answer.Listed => entry.IsDirectory,
        _ => Directory.Exists(path),
    };

    /// <summary>The listing of the absolute <paramref name="directory"/> in the order it was read, or
    /// null when the walk did not list it.</summary>
    public IReadOnlyList<ListedEntry>? Entries(string directory) =>
        _listings.TryGetValue(directory, out var byName) ? byName.Values.ToList() : null;

    // Spans, not strings: a probe allocates nothing.
    private Answer Find(ReadOnlySpan<char> directory, ReadOnlySpan<char> name, out ListedEntry entry)
    {
        entry = default;
        if (directory.IsEmpty || !_listings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(directory, out var byName)
            || name is "" or "." or ".." || !System.Text.Ascii.IsValid(name))
        {
            // Not listed, or a name whose spelling a file system may normalise: ask the disk.
            return Answer.Unknown;
        }

        if (byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out entry))
        {
            return Answer.Listed;
        }

        foreach (var listed in byName.Keys)
        {
            if (name.Equals(listed, StringComparison.OrdinalIgnoreCase))
            {
                return Answer.Unknown;
            }
        }

        return Answer.Absent;
    }

    private enum Answer
    {
        Unknown,
        Absent,
        Listed,
    }
}
