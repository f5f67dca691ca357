using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace Prewarm.Core.Toml;

/// <summary>The model of a TOML file built from Tomlyn's parse event stream (<see cref="TomlParser"/>), the
/// fast path of <see cref="TomlText.Parse"/>: far cheaper in time and allocation than the validated syntax
/// tree (BENCHMARKS.md has the figures). Tomlyn lexes, parses and decodes; this only assembles what
/// <see cref="TomlSyntaxModel"/> builds from the tree. The event stream does not check that a key or table
/// is defined once, so the builder accepts only the plainly valid shapes a manifest or lockfile is made of
/// and gives up (null) on anything else — a key or table seen before, a dotted key or header going into an
/// existing table it may not extend, a header through an array of tables, a split array of tables, any
/// parser error — for the validated path to decide, with its own error and wording. (The stream tells a
/// header that stays in the open table from one that leaves it by a 64-bit hash of the key, as Tomlyn's
/// own model reader does.)</summary>
internal sealed class TomlEventModel
{
    private readonly string _text;
    private readonly TomlParser _parser;
    private readonly List<Frame> _frames = new(8);

    // Tables made by a [header] (true) or implied by one's prefix (false); only these may be re-entered by a
    // later header. Other plain tables came from dotted keys, which a header may not extend here. One
    // dictionary per thread, emptied after each file, rather than one per file.
    [ThreadStatic]
    private static Dictionary<TomlTable, bool>? _headerTablesForThread;

    private readonly Dictionary<TomlTable, bool> _headerTables;

    // Keys and plain strings repeat across a scan's files: pooled, each is allocated (and kept) once.
    private readonly TomlStringPool _strings = TomlStringPool.ForThread;

    // Boxed once: a boxed boolean per `workspace = true` would be kept as long as the model.
    private static readonly object True = true;
    private static readonly object False = false;

    // Open inline tables and value arrays: inside them every table is inline and there are no headers.
    private int _valueDepth;

    private string? _key;
    private int _keyStart;
    private int _keyEnd;

    // A header that names the table already open, or one the open table is in ([a] then [a], [a.b] then
    // [a]), shows nothing in the stream. So every header line of the text must be matched by a header the
    // stream shows: the text before _scanFrom is matched; _newEntries are [[x]] entries shown since.
    private int _scanFrom;
    private int _newEntries;

    private TomlEventModel(string text, TomlSerializerOptions options, Dictionary<TomlTable, bool> headerTables)
    {
        _text = text;
        _parser = TomlParser.Create(text, options);
        _headerTables = headerTables;
    }

    /// <summary>The model, or null when the validated path must decide.</summary>
    public static TomlTable? TryBuild(string text, TomlSerializerOptions options)
    {
        // Tomlyn drops a leading BOM, which would shift the offsets the text is peeked at.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            return null;
        }

        // Taken from the thread while in use, so a nested build (there is none) would make its own.
        var headerTables = _headerTablesForThread ?? new Dictionary<TomlTable, bool>(ReferenceEqualityComparer.Instance);
        _headerTablesForThread = null;
        try
        {
            return new TomlEventModel(text, options, headerTables).Build();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any parser error (or a surprise in the stream): the validated path reports it its own way.
            return null;
        }
        finally
        {
            headerTables.Clear();
            _headerTablesForThread = headerTables;
        }
    }

    private TomlTable? Build()
    {
        TomlTable? root = null;
        while (_parser.MoveNext())
        {
            var current = _parser.Current;
            var inValue = _valueDepth > 0;
            var closing = current.Kind is TomlParseEventKind.EndTable or TomlParseEventKind.EndArray;
            if (!inValue && !closing && current.Span is { } next && !MatchHeaderLines(next.Start.Offset, current.Kind == TomlParseEventKind.PropertyName))
            {
                return null;
            }

            var ok = current.Kind switch
            {
                TomlParseEventKind.StartDocument or TomlParseEventKind.EndDocument => true,
                TomlParseEventKind.StartTable when root is null => Push(root = new TomlTable(), FrameKind.Table),
                TomlParseEventKind.StartTable => StartTable(current.Span is not null),
                TomlParseEventKind.StartArray => StartArray(current.Span is not null),
                TomlParseEventKind.EndTable or TomlParseEventKind.EndArray => Pop(),
                TomlParseEventKind.PropertyName => Key(current),
                TomlParseEventKind.String => Value(String(current)),
                TomlParseEventKind.Integer => Value(current.GetInt64()),
                TomlParseEventKind.Float => Value(current.GetDouble()),
                TomlParseEventKind.Boolean => Value(current.GetBoolean() ? True : False),
                TomlParseEventKind.DateTime => Value(current.GetTomlDateTime()),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }

            // The text up to an event outside values is matched; a value's closing event has the span of
            // the token after its bracket (a header's, of the line after the header).
            if (_valueDepth == 0 && current.Span is { } span && (!closing || inValue))
            {
                _scanFrom = closing ? span.Start.Offset : span.End.Offset + 1;
            }
        }

        return _frames.Count == 0 && _key is null && MatchHeaderLines(_text.Length, key: false) ? root : null;
    }

    /// <summary>Whether the header lines between <see cref="_scanFrom"/> and <paramref name="offset"/> are the
    /// ones the stream has shown (a <paramref name="key"/> at the offset may open a header line).</summary>
    private bool MatchHeaderLines(int offset, bool key)
    {
        if (offset < _scanFrom)
        {
            return false;
        }

        var lines = 0;
        for (var lineStart = _scanFrom == 0 ? 0 : NextLine(_scanFrom, offset); lineStart >= 0; lineStart = NextLine(lineStart, offset))
        {
            lines += OpensWithBracket(lineStart, offset) ? 1 : 0;
        }

        var header = key && IsHeaderLine(offset);
        var shown = _newEntries + (header && LineStart(offset) >= _scanFrom ? 1 : 0);
        _newEntries = 0;
        if (lines == shown)
        {
            return true;
        }

        // One unshown header just before a key of its table: it went back up to a table the stream has
        // open. That defines the table, which only a table so far implied may be.
        if (lines == 1 && shown == 0 && key && !header && Top is { Kind: FrameKind.Table, Container: TomlTable table }
            && _headerTables.TryGetValue(table, out var defined) && !defined)
        {
            _headerTables[table] = true;
            return true;
        }

        return false;
    }

    private int NextLine(int from, int to)
    {
        var newline = from < to ? _text.IndexOf('\n', from, to - from) : -1;
        return newline < 0 ? -1 : newline + 1;
    }

    private bool Key(in TomlParseEvent current)
    {
        if (_key is not null || current.Span is not { } span)
        {
            return false;
        }

        // A bare key is its text (what GetPropertyName would copy); a quoted one is decoded by Tomlyn.
        var raw = _text.AsSpan(span.Offset, span.Length);
        _key = current.PropertyName is null && raw.Length > 0 && raw[0] is not ('"' or '\'')
            ? _strings.Get(raw)
            : _parser.GetPropertyName();
        _keyStart = span.Start.Offset;
        _keyEnd = span.End.Offset;
        return true;
    }

    /// <param name="inline">An inline table value (the event has a span) rather than a header or dotted-key table.</param>
    private bool StartTable(bool inline)
    {
        if (inline)
        {
            var table = new TomlTable(inline: true);
            return Value(table) && Push(table, FrameKind.Value);
        }

        if (_key is not { } key)
        {
            // The next [[x]] of a run: a new entry of the open array.
            if (Top is not { Kind: FrameKind.TableArray, Container: TomlTableArray array })
            {
                return false;
            }

            // Its [[x]] line is matched with the next event (the first entry's comes with the array's key).
            _newEntries += array.Count > 0 ? 1 : 0;
            var entry = new TomlTable();
            array.Add(entry);
            return Push(entry, FrameKind.Entry);
        }

        _key = null;
        if (Top.Container is not TomlTable parent)
        {
            return false;
        }

        if (_valueDepth > 0 || !IsHeaderLine(_keyStart))
        {
            // A dotted key (`a.b = 1`, inline or not) makes a new table; into an existing one it may be valid
            // or not depending on how that table was made.
            if (parent.ContainsKey(key))
            {
                return false;
            }

            var dotted = new TomlTable(inline: _valueDepth > 0);
            parent.Add(key, dotted);
            return Push(dotted, _valueDepth > 0 ? FrameKind.Value : FrameKind.Dotted);
        }

        // A segment of a [header]: the last one when `]` follows it. Headers below an array-of-tables entry
        // (or a dotted table) are left to the validated path.
        if (Top.Kind != FrameKind.Table)
        {
            return false;
        }

        var last = NextNonBlank(_keyEnd + 1) == ']';
        if (!parent.TryGetValue(key, out var existing))
        {
            var table = new TomlTable();
            parent.Add(key, table);
            _headerTables.Add(table, last);
            return Push(table, FrameKind.Table);
        }

        // An existing table may be passed through by any header made of tables, and defined by one header
        // if only implied so far ([a.b] then [a]).
        if (existing is not TomlTable reopened || !_headerTables.TryGetValue(reopened, out var defined) || last && defined)
        {
            return false;
        }

        if (last)
        {
            _headerTables[reopened] = true;
        }

        return Push(reopened, FrameKind.Table);
    }

    /// <param name="value">A value array (the event has a span) rather than a [[header]].</param>
    private bool StartArray(bool value)
    {
        if (value)
        {
            var array = new TomlArray();
            return Value(array) && Push(array, FrameKind.Value);
        }

        // The first [[x]] of a run. A key that exists already is a split run or an error: not here.
        if (_key is not { } key || _valueDepth > 0 || Top is not { Kind: FrameKind.Table, Container: TomlTable parent } || parent.ContainsKey(key))
        {
            return false;
        }

        _key = null;
        var tables = new TomlTableArray();
        parent.Add(key, tables);
        return Push(tables, FrameKind.TableArray);
    }

    /// <summary>The string value: a one-line string without escapes is its text between the quotes, as
    /// Tomlyn decodes it; any other is decoded by Tomlyn.</summary>
    private string String(in TomlParseEvent current)
    {
        if (current.StringValue is null && current.Span is { } span)
        {
            var raw = _text.AsSpan(span.Offset, span.Length);
            var multiline = raw.Length >= 3 && raw[1] == raw[0] && raw[2] == raw[0];
            if (raw.Length >= 2 && raw[0] is ('"' or '\'') && raw[^1] == raw[0] && !multiline
                && (raw[0] == '\'' || !raw.Contains('\\')))
            {
                return _strings.Get(raw[1..^1]);
            }
        }

        return _parser.GetString();
    }

    private bool Value(object value)
    {
        switch (Top.Container)
        {
            case TomlArray array when _key is null:
                array.Add(value);
                return true;
            case TomlTable table when _key is { } key:
                table.Add(key, value); // Throws on a key seen before: TryBuild gives up.
                _key = null;
                return true;
            default:
                return false;
        }
    }

    private bool Push(TomlObject container, FrameKind kind)
    {
        _frames.Add(new Frame(container, kind));
        _valueDepth += kind == FrameKind.Value ? 1 : 0;
        return true;
    }

    private bool Pop()
    {
        if (_frames.Count == 0 || _key is not null)
        {
            return false;
        }

        _valueDepth -= Top.Kind == FrameKind.Value ? 1 : 0;
        _frames.RemoveAt(_frames.Count - 1);
        return true;
    }

    private Frame Top => _frames.Count > 0 ? _frames[^1] : default;

    // Outside values a line that starts with `[` is a table header: a key of a key/value line cannot.
    private bool IsHeaderLine(int offset) => OpensWithBracket(LineStart(offset), offset);

    // The text from a line's start up to `end` begins, blanks aside, with `[`.
    private bool OpensWithBracket(int lineStart, int end)
    {
        var text = _text.AsSpan(lineStart, end - lineStart).TrimStart(" \t");
        return text.Length > 0 && text[0] == '[';
    }

    private int LineStart(int offset) => offset == 0 ? 0 : _text.LastIndexOf('\n', offset - 1) + 1;

    private char NextNonBlank(int index)
    {
        while (index < _text.Length && _text[index] is ' ' or '\t')
        {
            index++;
        }

        return index < _text.Length ? _text[index] : '\0';
    }

    private enum FrameKind
    {
        /// <summary>The root, or a table a [header] made, implied or passed through.</summary>
        Table = 1,

        /// <summary>A plain table a dotted key made.</summary>
        Dotted,

        /// <summary>An array of tables ([[x]]).</summary>
        TableArray,

        /// <summary>One [[x]] entry.</summary>
        Entry,

        /// <summary>An inline table or a value array, or a table a dotted key made inside one.</summary>
        Value,
    }

    private readonly record struct Frame(TomlObject? Container, FrameKind Kind);
}
