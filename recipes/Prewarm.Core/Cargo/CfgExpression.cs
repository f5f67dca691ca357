using System.Text;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Cargo;

/// <summary>Cargo's platform keys of <c>[target.…]</c>: a target name (letters, digits, <c>_ - .</c>) or a
/// <c>cfg(…)</c> expression in cargo-platform's grammar (<c>all(…)</c>, <c>any(…)</c>, <c>not(…)</c>,
/// <c>name</c>, <c>key = "value"</c>, <c>r#raw</c> identifiers), re-rendered with cargo's spacing
/// (<c>all(unix, target_os = "linux")</c>). Anything else is refused as cargo refuses it.</summary>
public static class CfgExpression
{
    /// <summary>The display form of <paramref name="platform"/>; <see cref="CargoManifestException"/> naming
    /// <paramref name="file"/> when cargo would not parse it.</summary>
    public static string Normalize(string platform, string file) =>
        TryNormalize(platform, out var rendered, out var problem) ? rendered : throw new CargoManifestException(file, problem);

    /// <summary>False with cargo's reason when <paramref name="platform"/> is not a valid target key.</summary>
    private static bool TryNormalize(string platform, out string rendered, out string problem)
    {
        rendered = platform;
        problem = string.Empty;
        if (platform.StartsWith("cfg(", StringComparison.Ordinal) && platform.EndsWith(')'))
        {
            var inner = platform[4..^1];
            var parser = new Parser(inner);
            var output = new StringBuilder("cfg(");
            if (!parser.Expression(output, out var error) || !parser.AtEnd(out error))
            {
                problem = $"failed to parse `{inner}` as a cfg expression: {error}";
                return false;
            }

            rendered = output.Append(')').ToString();
            return true;
        }

        foreach (var rune in platform.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value is not ('_' or '-' or '.'))
            {
                var reason = platform.Contains('(')
                    ? "unexpected `(` character, cfg expressions must start with `cfg(`"
                    : $"unexpected character {rune} in target name";
                problem = $"failed to parse `{platform}` as a cfg expression: invalid target specifier: {reason}";
                return false;
            }
        }

        return true;
    }

    private enum Kind
    {
        LeftParen,
        RightParen,
        Comma,
        Equals,
        Identifier,
        String,
    }

    private readonly record struct Token(Kind Kind, string Text, bool Raw = false)
    {
        public string Describe() => Kind switch
        {
            Kind.LeftParen => "`(`",
            Kind.RightParen => "`)`",
            Kind.Comma => "`,`",
            Kind.Equals => "`=`",
            Kind.Identifier => "an identifier",
            _ => "a string",
        };
    }

    /// <summary>A recursive-descent parser over cargo's cfg tokens; errors carry cargo's wording.</summary>
    private sealed class Parser(string text)
    {
        private int _position;

        public bool Expression(StringBuilder output, out string error)
        {
            var start = _position;
            if (!Next(out var token, out error))
            {
                return false;
            }

            if (token is null)
            {
                error = "expected start of a cfg expression, but cfg expression ended";
                return false;
            }

            if (token.Value is { Kind: Kind.Identifier, Raw: false, Text: "all" or "any" })
            {
                output.Append(token.Value.Text).Append('(');
                if (!Eat(Kind.LeftParen, out error))
                {
                    return false;
                }

                var first = true;
                while (!Try(Kind.RightParen))
                {
                    if (!first)
                    {
                        output.Append(", ");
                    }

                    first = false;
                    if (!Expression(output, out error))
                    {
                        return false;
                    }

                    if (!Try(Kind.Comma))
                    {
                        if (!Eat(Kind.RightParen, out error))
                        {
                            return false;
                        }

                        break;
                    }
                }

                output.Append(')');
                return true;
            }

            if (token.Value is { Kind: Kind.Identifier, Raw: false, Text: "not" })
            {
                output.Append("not(");
                if (!Eat(Kind.LeftParen, out error) || !Expression(output, out error) || !Eat(Kind.RightParen, out error))
                {
                    return false;
                }

                output.Append(')');
                return true;
            }

            _position = start;
            return Predicate(output, out error);
        }

        public bool AtEnd(out string error)
        {
            var rest = text[_position..].TrimStart(' ');
            error = rest.Length == 0 ? string.Empty : $"unexpected content `{rest}` found after cfg expression";
            return rest.Length == 0;
        }

        private bool Predicate(StringBuilder output, out string error)
        {
            if (!Next(out var token, out error))
            {
                return false;
            }

            if (token is not { Kind: Kind.Identifier } name)
            {
                error = token is { } found ? $"expected identifier, found {found.Describe()}" : "expected identifier, but cfg expression ended";
                return false;
            }

            output.Append(name.Raw ? "r#" : string.Empty).Append(name.Text);
            if (!Try(Kind.Equals))
            {
                return true;
            }

            if (!Next(out var value, out error))
            {
                return false;
            }

            if (value is not { Kind: Kind.String } literal)
            {
                error = value is { } found ? $"expected a string, found {found.Describe()}" : "expected a string, but cfg expression ended";
                return false;
            }

            output.Append(" = \"").Append(literal.Text).Append('"');
            return true;
        }

        private bool Try(Kind kind)
        {
            var start = _position;
            if (Next(out var token, out _) && token?.Kind == kind)
            {
                return true;
            }

            _position = start;
            return false;
        }

        private bool Eat(Kind kind, out string error)
        {
            if (!Next(out var token, out error))
            {
                return false;
            }

            var expected = new Token(kind, string.Empty).Describe();
            if (token is null)
            {
                error = $"expected {expected}, but cfg expression ended";
                return false;
            }

            if (token.Value.Kind != kind)
            {
                error = $"expected {expected}, found {token.Value.Describe()}";
                return false;
            }

            return true;
        }

        /// <summary>The next token (null at the end); false with an error on a character cargo's tokenizer refuses.</summary>
        private bool Next(out Token? token, out string error)
        {
            token = null;
            error = string.Empty;
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }

            if (_position >= text.Length)
            {
                return true;
            }

            var c = text[_position++];
            switch (c)
            {
                case '(':
                    token = new Token(Kind.LeftParen, "(");
                    return true;
                case ')':
                    token = new Token(Kind.RightParen, ")");
                    return true;
                case ',':
                    token = new Token(Kind.Comma, ",");
                    return true;
                case '=':
                    token = new Token(Kind.Equals, "=");
                    return true;
                case '"':
                    var end = text.IndexOf('"', _position);
                    if (end < 0)
                    {
                        error = "unterminated string in cfg";
                        return false;
                    }

                    token = new Token(Kind.String, text[_position..end]);
                    _position = end + 1;
                    return true;
            }

            if (!IsIdentifierStart(c))
            {
                error = $"unexpected character `{c}` in cfg, expected parens, a comma, an identifier, or a string";
                return false;
            }

            var raw = false;
            var start = _position - 1;
            if (c == 'r' && _position < text.Length && text[_position] == '#')
            {
                raw = true;
                _position++;
                if (_position >= text.Length)
                {
                    error = "expected identifier, but cfg expression ended";
                    return false;
                }

                if (!IsIdentifierStart(text[_position]))
                {
                    error = $"unexpected character `{text[_position]}` in cfg, expected parens, a comma, an identifier, or a string";
                    return false;
                }

                start = _position++;
            }

            while (_position < text.Length && (IsIdentifierStart(text[_position]) || char.IsAsciiDigit(text[_position])))
            {
                _position++;
            }

            token = new Token(Kind.Identifier, text[start.._position], raw);
            return true;
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsAsciiLetter(c);
    }
}
