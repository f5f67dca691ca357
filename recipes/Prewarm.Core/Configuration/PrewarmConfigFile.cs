using System.Globalization;
using Prewarm.Core.Toml;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Prewarm.Core.Configuration;

/// <summary>
/// Reads prewarm.toml into command-line-shaped values (argument name → values), checking every
/// key against <see cref="OptionCatalog"/> so a typo is an error naming the key and its position.
/// </summary>
public static class PrewarmConfigFile
{
    public const string FileName = "prewarm.toml";

    /// <summary>The command-line argument naming another settings file: <c>--config=FILE</c>.</summary>
    public const string Argument = "config";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PrewarmConfigException($"{path}: cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string text, string path)
    {
        var document = SyntaxParser.Parse(text, path);
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new PrewarmConfigException($"{Where(path, first.Span)}: {first.Message}");
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var keyValue in document.KeyValues)
        {
            Read(values, path, section: "", keyValue);
        }

        foreach (var table in document.Tables)
        {
            if (table is not TableSyntax)
            {
                throw new PrewarmConfigException($"{Where(path, table.Span)}: arrays of tables are not used in {FileName}.");
            }

            var section = TomlText.KeyName(table.Name!);
            foreach (var item in table.Items)
            {
                Read(values, path, section, item);
            }
        }

        return values;
    }

    private static void Read(Dictionary<string, IReadOnlyList<string>> values, string path, string section, KeyValueSyntax keyValue)
    {
        var key = TomlText.KeyName(keyValue.Key!);
        var dotted = section.Length == 0 ? key : $"{section}.{key}";
        var option = OptionCatalog.FindByTomlPath(dotted);
        if (option is null)
        {
            // A dotted key or inline table under a known section name is still unknown: report the full path.
            var nearest = NearestName.Find(dotted, OptionCatalog.All.Select(o => o.TomlPath));
            throw new PrewarmConfigException($"{Where(path, keyValue.Key!.Span)}: unknown key '{dotted}' in {FileName}"
                + (nearest is null ? "." : $"; did you mean '{nearest}'?"));
        }

        values[option.Argument] = Convert(option, keyValue.Value!, path);
    }

    private static IReadOnlyList<string> Convert(PrewarmOption option, ValueSyntax value, string path)
    {
        switch (option.Kind, value)
        {
            case (OptionKind.Text, StringValueSyntax s):
                return [s.Value!];
            case (OptionKind.Integer, IntegerValueSyntax i):
                return [i.Value.ToString(CultureInfo.InvariantCulture)];
            case (OptionKind.Number, IntegerValueSyntax i):
                return [i.Value.ToString(CultureInfo.InvariantCulture)];
            case (OptionKind.Number, FloatValueSyntax f):
                return [f.Value.ToString("R", CultureInfo.InvariantCulture)];
            case (OptionKind.Boolean, BooleanValueSyntax b):
                return [b.Value ? "true" : "false"];
            case (OptionKind.List, StringValueSyntax s):
                return [s.Value!];
            case (OptionKind.List, ArraySyntax array):
                var items = new List<string>();
                foreach (var item in array.Items)
                {
                    if (item.Value is not StringValueSyntax element)
                    {
                        throw new PrewarmConfigException($"{Where(path, item.Span)}: '{option.TomlPath}' takes strings.");
                    }

                    items.Add(element.Value!);
                }

                return items;
            default:
                var expected = option.Kind switch
                {
                    OptionKind.Text => "a string",
                    OptionKind.Integer => "an integer",
                    OptionKind.Number => "a number",
                    OptionKind.Boolean => "true or false",
                    _ => "a string or an array of strings",
                };
                throw new PrewarmConfigException($"{Where(path, value.Span)}: '{option.TomlPath}' takes {expected}.");
        }
    }

    private static string Where(string path, SourceSpan span) =>
        $"{path}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
