using System.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace Prewarm.Core.Cargo;

/// <summary>Reads TOML files strictly: UTF-8 only, at most <see cref="MaxFileBytes"/>, TOML 1.0 as
/// cargo's parser enforces it (no key or table defined twice), and every failure is one line naming
/// the file and, where there is one, the line and column.</summary>
public static class TomlText
{
    /// <summary>The largest TOML file the scan reads (8 MiB). Real manifests and lockfiles are far
    /// smaller; the limit keeps a hostile or generated file from exhausting memory.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; <see cref="UnreadableFileException"/> when it cannot be read, is larger
    /// than <see cref="MaxFileBytes"/> or is not UTF-8.</summary>
    public static string ReadFile(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAtMost(fullPath, MaxFileBytes + 1);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableFileException(displayPath, "permission denied", e);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException(displayPath, $"cannot be read ({e.Message})", e);
        }

        if (bytes.Length > MaxFileBytes)
        {
            throw new UnreadableFileException(displayPath, $"is larger than {MaxFileBytes / (1024 * 1024)} MiB ({MaxFileBytes} bytes), the most Prewarm reads from a TOML file");
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
    public static TomlTable Parse(string text, string displayPath) => ParseDocument(text, displayPath).Root;

    /// <summary>Parses TOML into the model plus the position of every key, refusing what TOML 1.0
    /// forbids (Tomlyn's model reader alone lets a repeated key or table through).</summary>
    internal static TomlDocument ParseDocument(string text, string displayPath)
    {
        text = NormalizeNewlines(text);
        try
        {
            // The model reader's syntax errors read best; the syntax tree adds TOML's semantic
            // checks (a key or table defined twice) and the positions.
            var root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
            var syntax = SyntaxParser.Parse(text, displayPath, validate: true);
            var first = syntax.Diagnostics
                .Where(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
                .OrderBy(d => d.Span.Start.Offset)
                .FirstOrDefault();
            if (first is not null)
            {
                throw new CargoManifestException(displayPath, first.Span.Start.Line + 1, first.Span.Start.Column + 1, Problem(first.Message));
            }

            return new TomlDocument(displayPath, root, new TomlPositions(syntax, root));
        }
        catch (TomlException e)
        {
            var message = Problem(e.Message);
            return e.Line is > 0 and var line
                ? throw new CargoManifestException(displayPath, line, e.Column ?? 0, message)
                : throw new CargoManifestException(displayPath, message);
        }
    }

    /// <summary>CRLF as LF. TOML's newline is either; inside a multi-line string cargo's parser reads
    /// both as "\n", so a CRLF checkout must give the same values (Tomlyn would keep the "\r").
    /// Lines and columns do not move: a CR only ever ends a line.</summary>
    internal static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;

    private static byte[] ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Problem(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        message = end < 0 ? message : message[..end];
        // Tomlyn prefixes "(line,col) : error : "; we print the position our own way.
        var marker = message.IndexOf(": error : ", StringComparison.Ordinal);
        return marker >= 0 ? message[(marker + ": error : ".Length)..] : message;
    }
}
