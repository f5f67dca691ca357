using System.Text;
using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Reads TOML files strictly: UTF-8 only, and every failure is one line naming the file.</summary>
public static class TomlText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Manifests and lockfiles larger than this are refused rather than parsed: the largest
    /// real Cargo.lock files are a few MiB, and a runaway file should not exhaust memory.</summary>
    public const long MaximumBytes = 8 * 1024 * 1024;

    // TOML forbids defining a key or table twice, and so does cargo; Tomlyn's default keeps the last.
    private static readonly TomlSerializerOptions Strict = new() { DuplicateKeyHandling = TomlDuplicateKeyHandling.Error };

    /// <summary>The file's text; <see cref="UnreadableFileException"/> when it cannot be read or is not UTF-8.</summary>
    public static string ReadFile(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaximumBytes)
            {
                throw new UnreadableFileException(displayPath, $"is {length / (1024 * 1024)} MiB, over the {MaximumBytes / (1024 * 1024)} MiB Prewarm reads");
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableFileException(displayPath, "permission denied", e);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException(displayPath, $"cannot be read ({e.Message})", e);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableFileException(displayPath, $"is not valid UTF-8 (byte offset {e.Index})", e);
        }
    }

    /// <summary>Parses TOML; a syntax error becomes <see cref="CargoManifestException"/> with file:line:column.</summary>
    public static TomlTable Parse(string text, string displayPath)
    {
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(text, Strict) ?? new TomlTable();
            TomlDuplicateKeys.Check(Tomlyn.Parsing.SyntaxParser.Parse(text, displayPath), displayPath);
            return table;
        }
        catch (TomlException e)
        {
            var message = FirstLine(e.Message);
            // Tomlyn prefixes "(line,col) : error : "; we print the position our own way.
            var marker = message.IndexOf(": error : ", StringComparison.Ordinal);
            if (marker >= 0)
            {
                message = message[(marker + ": error : ".Length)..];
            }

            return e.Line is > 0 and var line
                ? throw new CargoManifestException(displayPath, line, e.Column ?? 0, message)
                : throw new CargoManifestException(displayPath, message);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
