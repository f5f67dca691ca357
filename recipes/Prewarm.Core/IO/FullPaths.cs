namespace Prewarm.Core.IO;

/// <summary>Checks on absolute file-system paths (for repository-relative '/' paths see
/// <see cref="Cargo.ManifestPaths"/>).</summary>
public static class FullPaths
{
    /// <summary>Component-wise: <paramref name="path"/> is <paramref name="directory"/> or lies below it
    /// (<c>/a/bc</c> is not inside <c>/a/b</c>; a directory given with a trailing separator, as <c>/</c>, works).</summary>
    public static bool IsSameOrInside(string path, string directory) =>
        path == directory
        || path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
