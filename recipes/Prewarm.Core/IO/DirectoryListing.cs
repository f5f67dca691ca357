using System.IO.Enumeration;

namespace Prewarm.Core.IO;

/// <summary>The directory listings repository discovery reads. File systems list entries in no
/// defined order (ext4 by name hash, tmpfs newest first, NTFS sorted), so discovery must never depend
/// on it; tests substitute adversarial orders here to prove that.</summary>
internal static class DirectoryListing
{
    private static readonly AsyncLocal<Func<IReadOnlyList<string>, IReadOnlyList<string>>?> Reorder = new();

    /// <summary>Full paths of the sub-directories of <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Directories(string path) => Ordered(Directory.EnumerateDirectories(path));

    /// <summary>Full paths of the files and sub-directories of <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Entries(string path) => Ordered(Directory.EnumerateFileSystemEntries(path));

    /// <summary>The files and sub-directories of <paramref name="path"/> as the listing gives them: whether an
    /// entry is a directory comes with its name (only a symbolic link is followed with a call of its own),
    /// and whether a directory is a link takes one call per directory instead of one per question asked.</summary>
    public static IReadOnlyList<ListedEntry> Listed(string path)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<ListedEntry>(
            path,
            (ref FileSystemEntry entry) => entry.IsDirectory
                ? new ListedEntry(entry.ToSpecifiedFullPath(), true, (entry.Attributes & FileAttributes.ReparsePoint) != 0)
                : new ListedEntry(entry.ToSpecifiedFullPath(), false, false),
            options).ToList();
        if (Reorder.Value is not { } reorder)
        {
            return entries;
        }

        var byPath = entries.ToDictionary(e => e.FullPath, StringComparer.Ordinal);
        return reorder(entries.Select(e => e.FullPath).ToList()).Select(p => byPath[p]).ToList();
    }

    /// <summary>Until disposed, every listing on this logical call flow (and the tasks it starts)
    /// passes through <paramref name="reorder"/>.</summary>
    public static IDisposable Reordered(Func<IReadOnlyList<string>, IReadOnlyList<string>> reorder)
    {
        var previous = Reorder.Value;
        Reorder.Value = reorder;
        return new Restore(previous);
    }

    private static IReadOnlyList<string> Ordered(IEnumerable<string> listing)
    {
        var entries = listing.ToList();
        return Reorder.Value is { } reorder ? reorder(entries) : entries;
    }

    private sealed class Restore(Func<IReadOnlyList<string>, IReadOnlyList<string>>? previous) : IDisposable
    {
        public void Dispose() => Reorder.Value = previous;
    }
}
