using System.Text;

namespace Prewarm.Core.Cargo;

/// <summary>Cargo's display form of a <c>[target.…]</c> key: a target triple as written, or a
/// <c>cfg(…)</c> expression re-rendered with cargo's spacing (<c>all(unix, target_os = "linux")</c>).</summary>
public static class CfgExpression
{
    public static string Normalize(string platform, string file)
    {
        var trimmed = platform.Trim();
        if (!trimmed.StartsWith("cfg(", StringComparison.Ordinal))
        {
            // cargo: a target name is made of letters, digits, `-`, `_` and `.` only.
            var invalid = trimmed.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
            return trimmed.Length > 0 && invalid == default
                ? trimmed
                : throw new CargoManifestException(file, $"invalid target `{platform}`: not a cfg(...) expression nor a target name");
        }

        if (!trimmed.EndsWith(')'))
        {
            throw new CargoManifestException(file, $"invalid target `{platform}`: missing `)`");
        }

        var tokens = Tokenize(trimmed[4..^1], platform, file);
        var position = 0;
        var rendered = new StringBuilder("cfg(");
        Expression(tokens, ref position, rendered, platform, file);
        if (position != tokens.Count)
        {
            throw new CargoManifestException(file, $"invalid target `{platform}`: unexpected `{tokens[position]}`");
        }

        return rendered.Append(')').ToString();
    }

    private static void Expression(List<string> tokens, ref int position, StringBuilder output, string platform, string file)
    {
        if (position >= tokens.Count || !IsIdentifier(tokens[position]))
        {
            throw new CargoManifestException(file, $"invalid target `{platform}`: expected an identifier");
        }

        var name = tokens[position++];
        output.Append(name);
        if (position < tokens.Count && tokens[position] == "(" && name is "all" or "any" or "not")
        {
            position++;
            output.Append('(');
            var first = true;
            while (position < tokens.Count && tokens[position] != ")")
            {
                if (!first)
                {
                    output.Append(", ");
                }

                Expression(tokens, ref position, output, platform, file);
                first = false;
                if (position < tokens.Count && tokens[position] == ",")
                {
                    position++;
                }
            }

            if (position >= tokens.Count)
            {
                throw new CargoManifestException(file, $"invalid target `{platform}`: missing `)`");
            }

            position++;
            output.Append(')');
        }
        else if (position < tokens.Count && tokens[position] == "=")
        {
            position++;
            if (position >= tokens.Count || !tokens[position].StartsWith('"'))
            {
                throw new CargoManifestException(file, $"invalid target `{platform}`: expected a string after `=`");
            }

            output.Append(" = ").Append(tokens[position++]);
        }
    }

    private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');

    private static List<string> Tokenize(string text, string platform, string file)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',' or '=')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new CargoManifestException(file, $"invalid target `{platform}`: unterminated string");
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                if (i == start)
                {
                    throw new CargoManifestException(file, $"invalid target `{platform}`: unexpected `{c}`");
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
