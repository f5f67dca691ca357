using System.Security.Cryptography;
using System.Text;

namespace Prewarm.Core.Docker;

/// <summary>
/// SHA-256 over a Dockerfile and a staged build context: every file's '/'-separated relative path
/// and bytes, in ordinal path order. Times and the directory's own location do not count, so the
/// same inputs give the same fingerprint on any machine.
/// </summary>
public static class ContextFingerprint
{
    public static string Compute(string dockerfile, string contextDirectory, IReadOnlyCollection<string> excludedRelativePaths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "Dockerfile", Encoding.UTF8.GetBytes(dockerfile));
        var root = Path.GetFullPath(contextDirectory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(f => !excludedRelativePaths.Contains(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            Append(hash, relative, File.ReadAllBytes(full));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string name, byte[] content)
    {
        hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{content.Length}\0"));
        hash.AppendData(content);
    }
}
