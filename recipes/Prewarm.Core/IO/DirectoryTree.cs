using System.IO.Enumeration;
using System.Text;

namespace Prewarm.Core.IO;

/// <summary>Replaces a whole output directory at once: the new tree is staged beside it and
/// renamed into place, so readers see the old tree or the new one, never a mix. Files whose
/// content did not change keep their modification time (Docker's COPY cache and cargo's mtime
/// checks stay quiet), and when nothing changed the directory is not touched at all.</summary>
public static class DirectoryTree
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="directory">The directory to replace.</param>
    /// <param name="files">Content by '/'-separated path relative to <paramref name="directory"/>.</param>
    /// <returns>True when the directory changed.</returns>
    public static bool Replace(string directory, IReadOnlyDictionary<string, string> files) =>
        Replace(directory, files.ToDictionary(f => f.Key, f => Utf8NoBom.GetBytes(f.Value), StringComparer.Ordinal));

    /// <param name="directory">The directory to replace.</param>
    /// <param name="encoded">Content by '/'-separated path relative to <paramref name="directory"/>.</param>
    /// <returns>True when the directory changed.</returns>
    public static bool Replace(string directory, IReadOnlyDictionary<string, byte[]> encoded)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var files = encoded.Select(f => new TreeFile(f.Key, f.Value, Inside(target, f.Key))).ToList();

        // Each file of the old tree is read at most once: what is unchanged decides both whether the tree
        // is up to date and which staged files keep their old modification time. Listing the tree (a
        // directory read per directory) and comparing the files (on all cores) go on side by side.
        bool[] unchanged;
        if (Directory.Exists(target))
        {
            var comparing = Task.Run(() => OrderedParallel.Map(files, f => FileContent.MatchesIfPresent(f.Previous, f.Content)));
            IReadOnlyList<string> existing;
            try
            {
                existing = List(target);
            }
            catch
            {
                // The listing's error is the one reported, as when it ran first; the reads end before it is.
                Task.WhenAny(comparing).Wait();
                throw;
            }

            unchanged = [.. comparing.GetAwaiter().GetResult()];
            var listed = existing.ToHashSet(StringComparer.Ordinal);
            if (listed.Count == files.Count && files.TrueForAll(f => listed.Contains(f.Relative)) && Array.TrueForAll(unchanged, same => same))
            {
                return false;
            }
        }
        else
        {
            unchanged = new bool[files.Count];
        }

        var suffix = $"{Environment.ProcessId}.{Guid.NewGuid():N}";
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{suffix}.staging");
        var backup = Path.Combine(parent, $".{Path.GetFileName(target)}.{suffix}.old");
        try
        {
            Stage(staging, files, unchanged);
            if (Directory.Exists(target))
            {
                Directory.Move(target, backup);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                if (Directory.Exists(backup))
                {
                    Directory.Move(backup, target);
                }

                throw;
            }
        }
        finally
        {
            TryDelete(staging);
            TryDelete(backup);
        }

        return true;
    }

    /// <summary>Lists the files under <paramref name="directory"/> as '/'-separated relative paths, sorted.</summary>
    public static IReadOnlyList<string> List(string directory) =>
        Directory.Exists(directory)
            ? new FileSystemEnumerable<string>(directory, RelativePath, RecursiveFiles) { ShouldIncludePredicate = static (ref entry) => !entry.IsDirectory }
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary><see cref="Directory.EnumerateFiles(string, string, SearchOption)"/>'s options for "*" and all directories.</summary>
    private static readonly EnumerationOptions RecursiveFiles = new()
    {
        RecurseSubdirectories = true,
        MatchType = MatchType.Win32,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    /// <summary>An entry's '/'-separated path below the enumerated root, made from its spans: one string per
    /// file, not a full path, then a relative one, then one with '/'.</summary>
    private static string RelativePath(ref FileSystemEntry entry)
    {
        var below = entry.Directory[entry.RootDirectory.Length..].TrimStart(Path.DirectorySeparatorChar);
        if (below.IsEmpty)
        {
            return entry.FileName.ToString();
        }

        var path = string.Concat(below, "/", entry.FileName);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Writes the new tree into <paramref name="staging"/>: its directories level by level, each
    /// once (a skeleton has about as many directories as files), then the files, each level and the files
    /// on all cores; the unchanged files get their old file's modification time.</summary>
    private static void Stage(string staging, List<TreeFile> files, bool[] unchanged)
    {
        var paths = files.Select(f => Inside(staging, f.Relative)).ToList();
        var directories = new HashSet<string>(StringComparer.Ordinal) { staging };
        foreach (var path in paths)
        {
            for (var directory = Path.GetDirectoryName(path)!; directories.Add(directory); directory = Path.GetDirectoryName(directory)!)
            {
            }
        }

        // Parents exist before their children are made, so no two threads ever create the same directory.
        foreach (var level in directories.GroupBy(d => d.Count(c => c == Path.DirectorySeparatorChar)).OrderBy(l => l.Key))
        {
            OrderedParallel.Map([.. level.Order(StringComparer.Ordinal)], d => Directory.CreateDirectory(d));
        }

        OrderedParallel.Map(Enumerable.Range(0, files.Count).ToList(), i =>
        {
            FileContent.Write(paths[i], files[i].Content, unchanged[i] ? File.GetLastWriteTimeUtc(files[i].Previous) : null);
            return i;
        });
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; throws when it would leave the root.</summary>
    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var below = full.Length > root.Length && full[root.Length] == Path.DirectorySeparatorChar && full.StartsWith(root, StringComparison.Ordinal);
        if (Path.IsPathRooted(relative) || !below)
        {
            throw new PrewarmException($"{relative}: would be written outside {root}; refusing");
        }

        return full;
    }

    /// <summary>A file of the new tree, with its path in the tree being replaced.</summary>
    private sealed record TreeFile(string Relative, byte[] Content, string Previous);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
