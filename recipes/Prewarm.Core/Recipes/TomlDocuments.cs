using System.Buffers;
using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Core.Recipes;

/// <summary>Canonical TOML text for the recipe: keys sorted ordinally at every depth, '\n' line
/// endings, so the same manifest always serialises to the same bytes.</summary>
public static class TomlDocuments
{
    /// <summary>Sorts every table's keys in place (tables keep their identity, so inline tables stay inline).</summary>
    public static void SortKeys(TomlTable table)
    {
        // Most tables (a dependency's inline table, a target) are already in order: rebuilt only when not.
        if (!IsSorted(table))
        {
            // Sorted in a pooled array and added back: the table keeps its list's capacity, and no LINQ
            // buffers per table (a skeleton manifest has a few unsorted tables, a large workspace's thousands).
            var entries = ArrayPool<KeyValuePair<string, object>>.Shared.Rent(table.Count);
            try
            {
                var count = 0;
                foreach (var entry in table)
                {
                    entries[count++] = entry;
                }

                // Keys are distinct, so an unstable sort gives the same order as a stable one.
                entries.AsSpan(0, count).Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                table.Clear();
                foreach (var (key, value) in entries.AsSpan(0, count))
                {
                    table.Add(key, value);
                }
            }
            finally
            {
                ArrayPool<KeyValuePair<string, object>>.Shared.Return(entries, clearArray: true);
            }
        }

        foreach (var entry in table)
        {
            SortValue(entry.Value);
        }
    }

    public static string Serialize(TomlTable table)
    {
        SortKeys(table);
        var text = TomlSerializer.Serialize(table, TomlTableMetadata.Table).ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text : text + "\n";
    }

    /// <summary>The sub-table at <paramref name="key"/>, or null when absent or not a table.</summary>
    public static TomlTable? Table(TomlTable parent, string key) =>
        parent.TryGetValue(key, out var value) ? value as TomlTable : null;

    private static bool IsSorted(TomlTable table)
    {
        string? previous = null;
        foreach (var entry in table)
        {
            if (previous is not null && string.CompareOrdinal(previous, entry.Key) > 0)
            {
                return false;
            }

            previous = entry.Key;
        }

        return true;
    }

    private static void SortValue(object value)
    {
        switch (value)
        {
            case TomlTable table:
                SortKeys(table);
                break;
            case TomlTableArray tables:
                foreach (var table in tables)
                {
                    SortKeys(table);
                }

                break;
            case TomlArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        SortValue(item);
                    }
                }

                break;
        }
    }
}
