using System.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>Puts back the entries Tomlyn 2.10's model drops from an array of tables whose headers are
/// split by other tables (sqlx: <c>[[test]]</c>…, <c>[[bench]]</c>, <c>[[test]]</c>…). TOML and cargo
/// append every <c>[[x]]</c> to one array; the model keeps only the last run of headers.</summary>
internal static class TableArrayRuns
{
    public static void Repair(string text, DocumentSyntax syntax, TomlTable model, TomlSerializerOptions options)
    {
        var headers = syntax.Tables
            .Where(t => t.Name is not null)
            .Select(t => (Path: PathOf(t.Name!), Start: t.Span.Start.Offset, IsArray: t is TableArraySyntax))
            .ToList();
        var paths = headers.Select(h => h.Path).ToList();
        var arrays = headers.Where(h => h.IsArray)
            .Select(h => h.Path)
            .DistinctBy(p => string.Join('\0', p), StringComparer.Ordinal)
            .Where(p => IsSplit(paths, p));
        foreach (var path in arrays)
        {
            // The headers of this array and of its sub-tables, in file order, are a document whose
            // runs are contiguous, so the model of that document is right.
            var segments = new StringBuilder();
            for (var i = 0; i < headers.Count; i++)
            {
                if (IsWithin(headers[i].Path, path))
                {
                    var end = i + 1 < headers.Count ? headers[i + 1].Start : text.Length;
                    segments.Append(text, headers[i].Start, end - headers[i].Start).Append('\n');
                }
            }

            var rebuilt = TomlSerializer.Deserialize<TomlTable>(segments.ToString(), options) ?? new TomlTable();
            if (Parent(model, path) is { } parent && Parent(rebuilt, path)?[path[^1]] is TomlTableArray array)
            {
                parent[path[^1]] = array;
            }
        }
    }

    // Split: another table's header (not inside this array, nor an enclosing one) comes between two of its headers.
    private static bool IsSplit(List<string[]> paths, string[] path)
    {
        var first = paths.FindIndex(p => p.SequenceEqual(path));
        var last = paths.FindLastIndex(p => p.SequenceEqual(path));
        return paths.Skip(first).Take(last - first).Any(p => !IsWithin(p, path) && !IsWithin(path, p));
    }

    private static bool IsWithin(string[] path, string[] prefix) =>
        path.Length >= prefix.Length && prefix.SequenceEqual(path.Take(prefix.Length));

    // Only through plain tables: inside another array of tables the entry the header belongs to is
    // ambiguous, and cargo's manifests and lockfiles split only top-level arrays.
    private static TomlTable? Parent(TomlTable root, string[] path)
    {
        var table = root;
        foreach (var key in path[..^1])
        {
            if (!table.TryGetValue(key, out var next) || next is not TomlTable nested)
            {
                return null;
            }

            table = nested;
        }

        return table;
    }

    private static string[] PathOf(KeySyntax key) =>
        [TomlSyntaxKeys.Part(key.Key), .. key.DotKeys.Select(d => TomlSyntaxKeys.Part(d.Key))];
}
