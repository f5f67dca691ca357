using System.Runtime.CompilerServices;
using Tomlyn.Model;
using Tomlyn.Syntax;

namespace Prewarm.Core.Cargo;

/// <summary>Where each key path of a TOML document is written: built once from Tomlyn's syntax tree
/// and joined to the data model by table identity, so validation code that only holds a
/// <see cref="TomlTable"/> and a key can still report <c>line:column</c>.</summary>
internal sealed class TomlPositions
{
    // Path segments are joined with a control character that keys practically never contain;
    // array elements get an index segment of their own.
    private const char Separator = '\u001F';
    private const char IndexMark = '\u001E';

    private readonly Dictionary<string, (TomlPosition Key, TomlPosition Value)> _spans = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, string> _paths = new();

    public static readonly TomlPositions None = new();

    private TomlPositions()
    {
    }

    public TomlPositions(DocumentSyntax syntax, TomlTable root)
    {
        foreach (var keyValue in syntax.KeyValues)
        {
            Add(string.Empty, keyValue);
        }

        var arrayCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in syntax.Tables)
        {
            if (table.Name is not { } name)
            {
                continue;
            }

            var segments = Segments(name);
            var path = string.Empty;
            for (var i = 0; i < segments.Count; i++)
            {
                path = Join(path, segments[i]);
                var isLast = i == segments.Count - 1;
                if (isLast && table is TableArraySyntax)
                {
                    var count = arrayCounts.GetValueOrDefault(path);
                    arrayCounts[path] = count + 1;
                    Register(path, name, name);
                    path = Join(path, Index(count));
                }
                else if (arrayCounts.TryGetValue(path, out var existing))
                {
                    // [[a]] then [a.b]: the header extends the latest element of the array.
                    path = Join(path, Index(existing - 1));
                }

                Register(path, name, name);
            }

            foreach (var keyValue in table.Items)
            {
                Add(path, keyValue);
            }
        }

        MapTables(root, string.Empty);
    }

    /// <summary>The key path of a table of the model (dotted, for messages), or "" for the root.</summary>
    public string DisplayPath(TomlTable table, string? key = null)
    {
        var path = _paths.TryGetValue(table, out var found) ? found : string.Empty;
        if (key is not null)
        {
            path = Join(path, key);
        }

        return string.Join('.', path.Split(Separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s[0] == IndexMark ? $"[{s[1..]}]" : s))
            .Replace(".[", "[", StringComparison.Ordinal);
    }

    /// <summary>Where <paramref name="key"/> of <paramref name="table"/> is written (its key, or its value
    /// with <paramref name="atValue"/>); the nearest enclosing position when the exact one is unknown.</summary>
    public TomlPosition? Of(TomlTable table, string? key = null, bool atValue = true)
    {
        if (!_paths.TryGetValue(table, out var path))
        {
            return null;
        }

        return Lookup(key is null ? path : Join(path, key), atValue);
    }

    /// <summary>Where element <paramref name="index"/> of the array at <paramref name="key"/> is written.</summary>
    public TomlPosition? OfElement(TomlTable table, string key, int index) =>
        _paths.TryGetValue(table, out var path) ? Lookup(Join(Join(path, key), Index(index)), atValue: true) : null;

    private TomlPosition? Lookup(string path, bool atValue)
    {
        while (true)
        {
            if (_spans.TryGetValue(path, out var span))
            {
                return atValue ? span.Value : span.Key;
            }

            var cut = path.LastIndexOf(Separator);
            if (cut < 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }

    private void Add(string prefix, KeyValueSyntax keyValue)
    {
        if (keyValue.Key is not { } key)
        {
            return;
        }

        var path = prefix;
        foreach (var segment in Segments(key))
        {
            path = Join(path, segment);
            // Dotted keys (`version.workspace = true`) also define their intermediate tables here.
            Register(path, key, key);
        }

        if (keyValue.Value is { } value)
        {
            _spans[path] = (Start(key), Start(value));
            AddValue(path, value);
        }
    }

    private void AddValue(string path, ValueSyntax value)
    {
        switch (value)
        {
            case InlineTableSyntax inline:
                foreach (var item in inline.Items)
                {
                    if (item.KeyValue is { } keyValue)
                    {
                        Add(path, keyValue);
                    }
                }

                break;
            case ArraySyntax array:
                var index = 0;
                foreach (var item in array.Items)
                {
                    if (item.Value is { } element)
                    {
                        var elementPath = Join(path, Index(index));
                        _spans[elementPath] = (Start(element), Start(element));
                        AddValue(elementPath, element);
                    }

                    index++;
                }

                break;
        }
    }

    private void Register(string path, SyntaxNode key, SyntaxNode value) =>
        _spans.TryAdd(path, (Start(key), Start(value)));

    private void MapTables(object? value, string path)
    {
        switch (value)
        {
            case TomlTable table:
                _paths.AddOrUpdate(table, path);
                foreach (var (key, child) in table)
                {
                    MapTables(child, Join(path, key));
                }

                break;
            case TomlTableArray tables:
                for (var i = 0; i < tables.Count; i++)
                {
                    MapTables(tables[i], Join(path, Index(i)));
                }

                break;
            case TomlArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    MapTables(array[i], Join(path, Index(i)));
                }

                break;
        }
    }

    private static List<string> Segments(KeySyntax key)
    {
        var segments = new List<string> { Text(key.Key) };
        foreach (var dotted in key.DotKeys)
        {
            segments.Add(Text(dotted.Key));
        }

        return segments;
    }

    private static string Text(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        StringValueSyntax text => text.Value ?? string.Empty,
        _ => string.Empty,
    };

    private static TomlPosition Start(SyntaxNode node) => new(node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    private static string Join(string path, string segment) => path.Length == 0 ? segment : path + Separator + segment;

    private static string Index(int index) => IndexMark + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
