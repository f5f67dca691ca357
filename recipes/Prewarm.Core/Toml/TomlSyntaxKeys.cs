using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>The dotted name of a key in Tomlyn's syntax tree (<c>a."b c".d</c> → <c>a.b c.d</c>).</summary>
internal static class TomlSyntaxKeys
{
    public static string Name(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key!) };
        parts.AddRange(key.DotKeys.Select(d => Part(d.Key!)));
        return string.Join('.', parts);
    }

    private static string Part(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => part.ToString()!,
    };
}
