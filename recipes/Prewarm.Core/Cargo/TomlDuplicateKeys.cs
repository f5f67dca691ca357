using Tomlyn.Syntax;

namespace Prewarm.Core.Cargo;

/// <summary>
/// TOML forbids defining a key or a table twice, and cargo refuses such files; Tomlyn's model
/// keeps the last value silently. This walks the syntax tree and reports the second definition
/// with its position. Each <c>[[array]]</c> element is its own scope.
/// </summary>
internal static class TomlDuplicateKeys
{
    public static void Check(DocumentSyntax document, string displayPath)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyValue in document.KeyValues)
        {
            Define(defined, string.Empty, keyValue, displayPath);
        }

        var arrayElements = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var name = TomlSyntaxKeys.Name(table.Name!);
            string scope;
            if (table is TableArraySyntax)
            {
                arrayElements[name] = arrayElements.GetValueOrDefault(name) + 1;
                scope = $"{name}[{arrayElements[name]}]";
            }
            else
            {
                if (!tables.Add(name) || defined.Contains(name))
                {
                    throw Duplicate(displayPath, table.Name!.Span, $"table `[{name}]` is defined twice");
                }

                scope = name;
            }

            foreach (var keyValue in table.Items)
            {
                Define(defined, scope, keyValue, displayPath);
            }
        }
    }

    private static void Define(HashSet<string> defined, string scope, KeyValueSyntax keyValue, string displayPath)
    {
        var key = TomlSyntaxKeys.Name(keyValue.Key!);
        var path = scope.Length == 0 ? key : $"{scope}.{key}";
        if (!defined.Add(path))
        {
            throw Duplicate(displayPath, keyValue.Key!.Span, $"duplicate key `{key}`");
        }
    }

    private static CargoManifestException Duplicate(string displayPath, SourceSpan span, string message) =>
        new(displayPath, span.Start.Line + 1, span.Start.Column + 1, message);
}
