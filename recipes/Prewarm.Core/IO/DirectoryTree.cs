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
        if (IsUpToDate(target, encoded))
        {
            return false;
        }

        var suffix = $"{Environment.ProcessId}.{Guid.NewGuid():N}";
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{suffix}.staging");
        var backup = Path.Combine(parent, $".{Path.GetFileName(target)}.{suffix}.old");
        try
        {
            foreach (var (relative, content) in encoded)
            {
                var path = Inside(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, content);
                var previous = Inside(target, relative);
                if (File.Exists(previous) && File.ReadAllBytes(previous).AsSpan().SequenceEqual(content))
                {
                    File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(previous));
                }
            }

            Directory.CreateDirectory(staging);
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
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static bool IsUpToDate(string target, IReadOnlyDictionary<string, byte[]> files)
    {
        if (!Directory.Exists(target))
        {
            return false;
        }

        var existing = List(target);
        return existing.Count == files.Count
            && existing.All(files.ContainsKey)
            && files.All(f => File.ReadAllBytes(Inside(target, f.Key)).AsSpan().SequenceEqual(f.Value));
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; throws when it would leave the root.</summary>
    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (Path.IsPathRooted(relative) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PrewarmException($"{relative}: would be written outside {root}; refusing");
        }

        return full;
    }

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
