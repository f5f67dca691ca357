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
            var entries = table.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            table.Clear();
            foreach (var (key, value) in entries)
            {
                table[key] = value;
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
