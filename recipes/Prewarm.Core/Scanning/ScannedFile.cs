using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Scanning;

/// <summary>A manifest or lockfile the scan read, with the SHA-256 of its text (line endings as LF,
/// so a CRLF checkout records the same hash), for later stages to tell whether scan.json still holds.</summary>
public sealed record ScannedFile(string Path, string Sha256)
{
    /// <summary>The hash of the file at <paramref name="fullPath"/>, read the way the scanner reads it.</summary>
    public static string HashOf(string fullPath, string displayPath) => HashOfText(TomlText.ReadFile(fullPath, displayPath));

    /// <summary>The hash of a file's text as <see cref="TomlText.ReadFile"/> returned it: the scan hashes
    /// the text it parsed rather than reading each file a second time.</summary>
    public static string HashOfText(string text)
    {
        // Encoded into a pooled buffer: a scan hashes every manifest, and a lockfile's bytes would be a
        // large-object allocation each time.
        var normalized = TomlText.NormalizeNewlines(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(normalized));
        try
        {
            var length = Encoding.UTF8.GetBytes(normalized, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
