using System.Text;
using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>
/// Fills <c>{{name}}</c> placeholders. Strict both ways: a placeholder without a value and a value
/// the template never uses are errors, so a template edit cannot silently drop a setting.
/// </summary>
public static partial class TemplateText
{
    public static string Fill(string templateName, string template, IReadOnlyDictionary<string, string> values)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var result = Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value))
            {
                used.Add(name);
                return value;
            }

            missing.Add(name);
            return match.Value;
        });
        if (missing.Count > 0)
        {
            throw new PrewarmException($"{templateName}: no value for placeholder {{{{{missing.First()}}}}}.");
        }

        var unused = values.Keys.Where(k => !used.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (unused is not null)
        {
            throw new PrewarmException($"{templateName}: placeholder {{{{{unused}}}}} is not used by the template.");
        }

        return result;
    }

    /// <summary>Line endings as "\n" whatever the template file was saved with.</summary>
    public static string NormaliseLineEndings(string text) =>
        new StringBuilder(text).Replace("\r\n", "\n").Replace('\r', '\n').ToString();

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
