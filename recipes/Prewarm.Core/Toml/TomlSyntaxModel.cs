using Tomlyn.Model;
using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>The model of a TOML file built from Tomlyn's validated syntax tree, so a manifest is parsed
/// once (the tree is needed anyway: it finds the duplicate keys and tables the model reader lets through,
/// and gives positions). No text is read here: keys and values come decoded from Tomlyn. It builds what
/// Tomlyn's own model reader builds — header and dotted-key tables plain, inline tables inline, arrays of
/// inline tables as <see cref="TomlArray"/> — and appends every <c>[[x]]</c> to one array, as TOML says
/// (Tomlyn's reader keeps only the last run of a split array, see <see cref="TableArrayRuns"/>).</summary>
internal static class TomlSyntaxModel
{
    /// <param name="syntax">A tree without errors (the validator's duplicates included): nothing is checked here.</param>
    public static TomlTable Build(DocumentSyntax syntax)
    {
        var root = new TomlTable();
        AddKeyValues(root, syntax.KeyValues);
        foreach (var header in syntax.Tables)
        {
            if (header.Name is not { } name)
            {
                continue;
            }

            var keys = Keys(name);
            var parent = Descend(root, keys, keys.Count - 1);
            var last = keys[^1];
            TomlTable table;
            if (header is TableArraySyntax)
            {
                if (!parent.TryGetValue(last, out var existing) || existing is not TomlTableArray array)
                {
                    parent[last] = array = new TomlTableArray();
                }

                array.Add(table = new TomlTable());
            }
            else if (parent.TryGetValue(last, out var existing) && existing is TomlTable implicitTable)
            {
                // Made implicitly by an earlier [last.sub] header: this header fills it in.
                table = implicitTable;
            }
            else
            {
                parent[last] = table = new TomlTable();
            }

            AddKeyValues(table, header.Items);
        }

        return root;
    }

    private static void AddKeyValues(TomlTable table, IEnumerable<KeyValueSyntax> keyValues)
    {
        foreach (var keyValue in keyValues)
        {
            if (keyValue.Key is { } key && keyValue.Value is { } value)
            {
                var keys = Keys(key);
                Descend(table, keys, keys.Count - 1)[keys[^1]] = Value(value);
            }
        }
    }

    /// <summary>The table at the first <paramref name="count"/> keys below <paramref name="table"/>, made
    /// (plain) where missing; through an array of tables, its last entry.</summary>
    private static TomlTable Descend(TomlTable table, List<string> keys, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!table.TryGetValue(keys[i], out var next))
            {
                var made = new TomlTable();
                table[keys[i]] = made;
                table = made;
                continue;
            }

            table = next switch
            {
                TomlTable nested => nested,
                TomlTableArray array => array[^1],
                _ => throw new InvalidOperationException($"TOML key `{keys[i]}` is not a table (the validator should have refused it)"),
            };
        }

        return table;
    }

    private static object Value(ValueSyntax value) => value switch
    {
        StringValueSyntax text => text.Value ?? string.Empty,
        IntegerValueSyntax integer => integer.Value,
        FloatValueSyntax number => number.Value,
        BooleanValueSyntax boolean => boolean.Value,
        DateTimeValueSyntax date => date.Value,
        ArraySyntax array => Array(array),
        InlineTableSyntax inline => Inline(inline),
        _ => throw new InvalidOperationException($"unexpected TOML value {value.GetType().Name}"),
    };

    private static TomlArray Array(ArraySyntax syntax)
    {
        var array = new TomlArray();
        foreach (var item in syntax.Items)
        {
            if (item.Value is { } value)
            {
                array.Add(Value(value));
            }
        }

        return array;
    }

    private static TomlTable Inline(InlineTableSyntax syntax)
    {
        var table = new TomlTable(inline: true);
        foreach (var item in syntax.Items)
        {
            if (item.KeyValue is { Key: { } key, Value: { } value })
            {
                var keys = Keys(key);
                DescendInline(table, keys)[keys[^1]] = Value(value);
            }
        }

        return table;
    }

    // Inside an inline table, dotted keys make inline tables too (Tomlyn writes them back inline).
    private static TomlTable DescendInline(TomlTable table, List<string> keys)
    {
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (!table.TryGetValue(keys[i], out var next) || next is not TomlTable nested)
            {
                nested = new TomlTable(inline: true);
                table[keys[i]] = nested;
            }

            table = nested;
        }

        return table;
    }

    private static List<string> Keys(KeySyntax key)
    {
        var keys = new List<string>(1 + key.DotKeys.ChildrenCount) { TomlSyntaxKeys.Part(key.Key) };
        foreach (var dotted in key.DotKeys)
        {
            keys.Add(TomlSyntaxKeys.Part(dotted.Key));
        }

        return keys;
    }
}
