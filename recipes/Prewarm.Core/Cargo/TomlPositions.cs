using System.Runtime.CompilerServices;
using Tomlyn.Model;
using Tomlyn.Syntax;

namespace Prewarm.Core.Cargo;

/// <summary>Where each key of a parsed TOML file was written (1-based line and column), by dotted
/// path (<c>dependencies.serde.optional</c>; the n-th <c>[[package]]</c> is <c>package[n]</c>).
/// Built once per file from the syntax tree so that errors found in the model can point at the text.</summary>
public sealed class TomlPositions
{
    // Each model table remembers its file's index and its own dotted path, so a typed read that
    // only has the parent table in hand can still name the line.
    private static readonly ConditionalWeakTable<TomlTable, Located> Tables = new();

    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    private TomlPositions()
    {
    }

    /// <summary>The key paths (with their positions) that satisfy <paramref name="predicate"/>, in no particular order.</summary>
    public IEnumerable<(string Path, (int Line, int Column) At)> Matching(Func<(string Path, (int Line, int Column) At), bool> predicate) =>
        _keys.Select(k => (k.Key, k.Value)).Where(predicate);

    /// <summary>The position of the key at <paramref name="path"/>, or null when it is not in the file.</summary>
    public (int Line, int Column)? Of(string path) => _keys.TryGetValue(path, out var at) ? at : null;

    /// <summary>The position of <paramref name="key"/> in <paramref name="parent"/> (a table of a parsed file).</summary>
    public static (int Line, int Column)? Of(TomlTable parent, string key) =>
        Tables.TryGetValue(parent, out var located) ? located.Positions.Of(Join(located.Path, key)) : null;

    /// <summary>The dotted path of a table of a parsed file, or null.</summary>
    public static string? PathOf(TomlTable table) => Tables.TryGetValue(table, out var located) ? located.Path : null;

    /// <summary>The index of the file <paramref name="table"/> belongs to, or null.</summary>
    public static TomlPositions? For(TomlTable table) => Tables.TryGetValue(table, out var located) ? located.Positions : null;

    internal static TomlPositions Attach(DocumentSyntax syntax, TomlTable model)
    {
        var positions = new TomlPositions();
        positions.AddKeyValues(string.Empty, syntax.KeyValues);
        var arrays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in syntax.Tables)
        {
            if (table.Name is not { } name)
            {
                continue;
            }

            var path = positions.KeyPath(string.Empty, name, table);
            if (table is TableArraySyntax)
            {
                var index = arrays.GetValueOrDefault(path);
                arrays[path] = index + 1;
                positions.Add(path, table);
                path = $"{path}[{index}]";
            }

            positions.Add(path, table);
            positions.AddKeyValues(path, table.Items);
        }

        Register(model, string.Empty, positions, depth: 0);
        return positions;
    }

    private static void Register(TomlTable table, string path, TomlPositions positions, int depth)
    {
        // The model refuses deep nesting before this runs; the bound keeps the recursion shallow anyway.
        if (depth > 64)
        {
            return;
        }

        Tables.AddOrUpdate(table, new Located(positions, path));
        foreach (var (key, value) in table)
        {
            var child = Join(path, key);
            switch (value)
            {
                case TomlTable nested:
                    Register(nested, child, positions, depth + 1);
                    break;
                case TomlTableArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Register(array[i], $"{child}[{i}]", positions, depth + 1);
                    }

                    break;
            }
        }
    }

    private void AddKeyValues(string prefix, IEnumerable<KeyValueSyntax> keyValues)
    {
        foreach (var keyValue in keyValues)
        {
            if (keyValue.Key is not { } key)
            {
                continue;
            }

            var path = KeyPath(prefix, key, keyValue);
            Add(path, keyValue);
            if (keyValue.Value is InlineTableSyntax inline)
            {
                AddKeyValues(path, inline.Items.Select(i => i.KeyValue).OfType<KeyValueSyntax>());
            }
        }
    }

    private void Add(string path, SyntaxNode node) =>
        _keys.TryAdd(path, (node.Span.Start.Line + 1, node.Span.Start.Column + 1));

    // Registers the key's full path and each intermediate one (`a.b` of `[a.b.c]` or `a.b.c = 1`),
    // so a table implied by a header or a dotted key has a position too.
    private string KeyPath(string prefix, KeySyntax key, SyntaxNode node)
    {
        var path = Join(prefix, Text(key.Key));
        foreach (var dotted in key.DotKeys)
        {
            Add(path, node);
            path = Join(path, Text(dotted.Key));
        }

        return path;
    }

    private static string Text(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        StringValueSyntax quoted => quoted.Value ?? string.Empty,
        _ => string.Empty,
    };

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    private sealed record Located(TomlPositions Positions, string Path);
}
