namespace Prewarm.Core.Cargo;

/// <summary>Repository-relative, '/'-separated paths: the only form paths take in the model, so
/// scans of the same tree in different places are identical.</summary>
public static class ManifestPaths
{
    /// <summary>The directory part of a relative path; empty for a file at the root.</summary>
    public static string DirectoryOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath[..slash];
    }

    /// <summary>Joins relative segments with '/', skipping empty ones.</summary>
    public static string Combine(string directory, string name) =>
        directory.Length == 0 ? name : name.Length == 0 ? directory : directory + "/" + name;

    /// <summary><paramref name="fullPath"/> relative to <paramref name="root"/>, '/'-separated; "" for the root itself.</summary>
    public static string Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative == "." ? string.Empty : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> in a relative '/'-path (lexically, like cargo's path normalisation).</summary>
    public static string Normalize(string relativePath)
    {
        if (IsNormal(relativePath))
        {
            // Most paths (every one the scan builds itself) have nothing to resolve.
            return relativePath;
        }

        var parts = new List<string>();
        foreach (var part in relativePath.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>True when <see cref="Normalize"/> would give <paramref name="relativePath"/> back unchanged:
    /// no empty, <c>.</c> or <c>..</c> segment.</summary>
    private static bool IsNormal(string relativePath)
    {
        var start = 0;
        while (start <= relativePath.Length)
        {
            var end = relativePath.IndexOf('/', start);
            var segment = relativePath.AsSpan(start, (end < 0 ? relativePath.Length : end) - start);
            if (segment is "" or "." or "..")
            {
                return relativePath.Length == 0;
            }

            if (end < 0)
            {
                return true;
            }

            start = end + 1;
        }

        return true;
    }

    /// <summary>A path written in a manifest (either separator, maybe with <c>..</c>) resolved against the manifest's directory.</summary>
    public static string Resolve(string directory, string entry) =>
        Normalize(Combine(directory, entry.Replace('\\', '/')));

    /// <summary>Component-wise "is <paramref name="path"/> inside <paramref name="directory"/>" on relative '/' paths.</summary>
    public static bool IsWithin(string path, string directory) =>
        !path.StartsWith("..", StringComparison.Ordinal)
        && (directory.Length == 0 || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal));
}
