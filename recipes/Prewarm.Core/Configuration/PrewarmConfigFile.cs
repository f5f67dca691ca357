using System.Globalization;
using Prewarm.Core.Services;
using Prewarm.Core.Toml;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Prewarm.Core.Configuration;

/// <summary>
/// Reads prewarm.toml into command-line-shaped values (argument name → values), checking every
/// key against <see cref="OptionCatalog"/> so a typo is an error naming the key and its position;
/// <c>[services.NAME]</c> tables become <see cref="ServiceDefinition"/>s (<see cref="ServiceTable"/>).
/// </summary>
public static class PrewarmConfigFile
{
    public const string FileName = "prewarm.toml";

    /// <summary>The command-line argument naming another settings file: <c>--config=FILE</c>.</summary>
    public const string Argument = "config";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(string path) => Read(path).Options;

    /// <summary>The file's options and its <c>[services.NAME]</c> tables.</summary>
    public static PrewarmConfig Read(string path)
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

        return Read(text, path);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string text, string path) => Read(text, path).Options;

    public static PrewarmConfig Read(string text, string path)
    {
        var document = SyntaxParser.Parse(text, path);
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new PrewarmConfigException($"{Where(path, first.Span)}: {first.Message}");
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var services = new List<ServiceDefinition>();
        foreach (var keyValue in document.KeyValues)
        {
            Read(values, path, section: "", keyValue);
        }

        foreach (var table in document.Tables)
        {
            if (table is not TableSyntax standard)
            {
                throw new PrewarmConfigException($"{Where(path, table.Span)}: arrays of tables are not used in {FileName}.");
            }

            var section = TomlText.KeyName(table.Name!);
            if (section.StartsWith(ServiceTable.Prefix, StringComparison.Ordinal) || section == ServiceTable.Prefix[..^1])
            {
                services.Add(Service(standard, section, path));
                continue;
            }

            foreach (var item in table.Items)
            {
                Read(values, path, section, item);
            }
        }

        return new PrewarmConfig(values, services);
    }

    private static ServiceDefinition Service(TableSyntax table, string section, string path)
    {
        if (section.Length <= ServiceTable.Prefix.Length)
        {
            throw new PrewarmConfigException($"{Where(path, table.Name!.Span)}: declare each service as a table of its own, [services.NAME].");
        }

        // A service declared twice is a redefined table: Tomlyn's syntax check has refused it.
        return ServiceTable.Read(table, section[ServiceTable.Prefix.Length..], path);
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

    internal static string Where(string path, SourceSpan span) =>
        $"{path}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
