using System.Text;

namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>Writes the TOML of a generated manifest, choosing among the spellings cargo accepts
/// (basic or literal strings, spacing, comments) so the scanner meets more than one style.</summary>
internal sealed class TomlBuilder(Random random)
{
    private readonly StringBuilder _text = new();

    public TomlBuilder Table(string header)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        if (random.Next(6) == 0)
        {
            _text.Append("# generated section\n");
        }

        _text.Append('[').Append(header).Append("]\n");
        return this;
    }

    public TomlBuilder ArrayTable(string header)
    {
        _text.Append('\n').Append("[[").Append(header).Append("]]\n");
        return this;
    }

    public TomlBuilder Key(string key, string value)
    {
        _text.Append(key).Append(random.Next(8) == 0 ? "=" : " = ").Append(value);
        _text.Append(random.Next(10) == 0 ? "  # note\n" : "\n");
        return this;
    }

    public string String(string value) =>
        random.Next(4) == 0 && !value.Contains('\'') ? $"'{value}'" : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A key as TOML needs it: bare when it can be, else quoted.</summary>
    public string BareOrQuoted(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : String(key);

    public override string ToString() => _text.ToString();
}
