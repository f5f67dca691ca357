using System.Text;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;

namespace Prewarm.Core.Recipes;

/// <summary>The real files of <c>[patch]</c>/<c>[replace]</c> path packages. They stand in for registry
/// crates that other dependencies compile against (serde_json calls into a patched itoa), so a
/// dummy would break the dependency build: the skeleton carries them as they are.</summary>
public static class PatchedSources
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "target", ".git" };

    /// <summary>Files under each package directory (relative to the repository root, '/'-separated),
    /// sorted ordinally; the manifest and lockfile are left to the recipe's own entries.</summary>
    public static PatchedFiles Read(string repoRoot, IEnumerable<string> packageDirectories)
    {
        var files = new PatchedFiles(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        foreach (var directory in packageDirectories.Where(d => d.Length > 0))
        {
            Collect(repoRoot, directory, directory, files);
        }

        return files;
    }

    private static bool IsText(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static void Collect(string repoRoot, string packageDirectory, string directory, PatchedFiles files)
    {
        var full = Path.Combine(repoRoot, directory);
        foreach (var entry in DirectoryListing.Entries(full).Order(StringComparer.Ordinal))
        {
            var relative = ManifestPaths.Combine(directory, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(entry)))
                {
                    Collect(repoRoot, packageDirectory, relative, files);
                }

                continue;
            }

            if (directory == packageDirectory && Path.GetFileName(entry) is "Cargo.toml" or "Cargo.lock")
            {
                continue;
            }

            try
            {
                var bytes = File.ReadAllBytes(entry);
                if (IsText(bytes, out var text))
                {
                    files.Text[relative] = text;
                }
                else
                {
                    files.Base64[relative] = Convert.ToBase64String(bytes);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PrewarmException($"{entry}: cannot read: {e.Message}", e);
            }
        }
    }
}
