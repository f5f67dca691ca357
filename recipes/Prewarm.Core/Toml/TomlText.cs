using System.Buffers;
using System.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>The way into Core/Toml: reads TOML files strictly (UTF-8 only, and every failure is one line
/// naming the file), parses them into Tomlyn's model, and tells where a key of a parsed file was written.
/// How a file is parsed (the event stream or the validated tree), and the pools and per-thread state
/// that parsing keeps, are private to this folder.</summary>
public static class TomlText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Manifests and lockfiles larger than this are refused rather than parsed: the largest
    /// real Cargo.lock files are a few MiB, and a runaway file should not exhaust memory.</summary>
    public const int MaximumBytes = 8 * 1024 * 1024;

    // TOML forbids defining a key or table twice, and so does cargo; Tomlyn's default keeps the last.
    internal static readonly TomlSerializerOptions Strict = new() { DuplicateKeyHandling = TomlDuplicateKeyHandling.Error };

    /// <summary>The file's text; <see cref="UnreadableFileException"/> when it cannot be read or is not UTF-8.</summary>
    public static string ReadFile(string fullPath, string displayPath)
    {
        // The bytes only live until they are decoded: a pooled buffer, not one array per manifest.
        var buffer = ArrayPool<byte>.Shared.Rent(PooledBytes);
        try
        {
            int length;
            try
            {
                length = ReadAtMost(fullPath, MaximumBytes + 1, ref buffer);
                if (length > MaximumBytes)
                {
                    throw new UnreadableFileException(displayPath, $"is larger than the {MaximumBytes / (1024 * 1024)} MiB Prewarm reads");
                }
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
                var text = StrictUtf8.GetString(buffer, 0, length);
                return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            }
            catch (DecoderFallbackException e)
            {
                throw new UnreadableFileException(displayPath, $"is not valid UTF-8 (byte offset {e.Index})", e);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses TOML; a syntax error becomes <see cref="CargoManifestException"/> with file:line:column.</summary>
    public static TomlTable Parse(string text, string displayPath)
    {
        text = NormalizeNewlines(text);
        // Most files are plain valid TOML: the event stream builds their model at a fraction of the
        // validated tree's cost. Anything it is not sure of goes the validated way.
        if (TomlEventModel.TryBuild(text, Strict) is { } model)
        {
            TomlPositions.AttachLazily(text, model);
            return model;
        }

        return ParseValidated(text, displayPath);
    }

    /// <summary>A fresh table of TOML already read once without error (a scanned manifest's text), to edit:
    /// no positions (nothing reports on it) and CRLF read as LF, as <see cref="Parse"/> reads it.</summary>
    public static TomlTable ParseValid(string text) => TomlSerializer.Deserialize<TomlTable>(NormalizeNewlines(text))!;

    /// <summary>Parses TOML through Tomlyn's validated syntax tree: every file <see cref="Parse"/> does not
    /// take the fast way, and the reference the fast way is checked against.</summary>
    internal static TomlTable ParseValidated(string text, string displayPath)
    {
        text = NormalizeNewlines(text);
        // One parse for a valid file: the validated syntax tree (needed anyway for the duplicates the
        // model reader lets through, and for positions) gives the model too.
        DocumentSyntax? syntax;
        try
        {
            syntax = SyntaxParser.Parse(text, Strict, displayPath, validate: true);
        }
        catch (TomlException)
        {
            syntax = null;
        }

        if (syntax is not null && !syntax.Diagnostics.Any(d => d.Kind == DiagnosticMessageKind.Error))
        {
            var model = TomlSyntaxModel.Build(syntax);
            TomlPositions.Attach(syntax, model);
            return model;
        }

        return ParseReportingErrors(text, displayPath);
    }

    /// <summary>The model reader first, then the validator: an invalid file is reported exactly as it
    /// always was (which error comes first, and its wording, depend on this order).</summary>
    private static TomlTable ParseReportingErrors(string text, string displayPath)
    {
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(text, Strict) ?? new TomlTable();
            // The model keeps the last of a duplicated key or table; the syntax validator reports them.
            // It runs after deserialization so nesting the model refuses never reaches it.
            var syntax = Tomlyn.Parsing.SyntaxParser.Parse(text, displayPath, validate: true);
            var error = syntax.Diagnostics.FirstOrDefault(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
            if (error is not null)
            {
                throw new CargoManifestException(displayPath, error.Span.Start.Line + 1, error.Span.Start.Column + 1, FirstLine(error.Message));
            }

            TableArrayRuns.Repair(text, syntax, table, Strict);
            TomlPositions.Attach(syntax, table);
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

    /// <summary>Where <paramref name="key"/> of <paramref name="parent"/> (a table of a parsed file) was
    /// written: 1-based line and column, or null when the file or the key is not known.</summary>
    public static (int Line, int Column)? PositionOf(TomlTable parent, string key) => TomlPositions.Of(parent, key);

    /// <summary>Where the key at the dotted <paramref name="path"/> (<c>dependencies.serde</c>; the n-th
    /// <c>[[bin]]</c> is <c>bin[n]</c>) of the file <paramref name="table"/> belongs to was written, or null.</summary>
    public static (int Line, int Column)? PositionAt(TomlTable table, string path) => TomlPositions.For(table)?.Of(path);

    /// <summary>The dotted path of a table of a parsed file (<c>bin[1]</c>), or null.</summary>
    public static string? PathOf(TomlTable table) => TomlPositions.PathOf(table);

    /// <summary>The key paths of the file <paramref name="table"/> belongs to that satisfy
    /// <paramref name="predicate"/>, with their positions, in no particular order; none for a table of no parsed file.</summary>
    public static IEnumerable<(string Path, (int Line, int Column) At)> Positions(TomlTable table, Func<(string Path, (int Line, int Column) At), bool> predicate) =>
        TomlPositions.For(table)?.Matching(predicate) ?? [];

    /// <summary>The dotted name of a key of a syntax tree without errors (<c>a."b c".d</c> → <c>a.b c.d</c>).</summary>
    public static string KeyName(KeySyntax key) => TomlSyntaxKeys.Name(key);

    /// <summary>CRLF as LF. Inside a multi-line string cargo's parser reads either newline as "\n",
    /// so a CRLF checkout must give the same values (Tomlyn would keep the "\r"). Lines and columns
    /// do not move: a CR before LF only ever ends a line.</summary>
    internal static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;

    // Manifests are a few KiB: a buffer this size from the pool holds nearly all of them.
    private const int PooledBytes = 64 * 1024;

    // Reads no more than the limit (plus one byte to tell "at the limit" from "over it"), so even a
    // file that grows while being read cannot make us allocate more, into the pooled buffer (a larger
    // one from the pool when the file says it is larger, or turns out to be); returns the length read.
    // The file's size is only a hint: one that is shorter or longer than it said, or that reports no
    // size (a pipe, /proc), is read on until its end or the limit.
    private static int ReadAtMost(string fullPath, int limit, ref byte[] buffer)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var expected = stream.CanSeek ? (int)Math.Min(stream.Length, limit) : 0;
        // One byte more than it said, to find its end without a second read in the usual case.
        Grow(ref buffer, Math.Min(expected + 1, limit), 0);
        var count = 0;
        int read;
        while (count < limit)
        {
            if (count == buffer.Length)
            {
                Grow(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit), count);
            }

            if ((read = stream.Read(buffer, count, Math.Min(buffer.Length, limit) - count)) == 0)
            {
                break;
            }

            count += read;
        }

        return count;
    }

    private static void Grow(ref byte[] buffer, int size, int keep)
    {
        if (size <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, keep).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
