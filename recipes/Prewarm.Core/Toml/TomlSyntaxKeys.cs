using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>The names of keys in Tomlyn's syntax tree, as the model holds them.</summary>
internal static class TomlSyntaxKeys
{
    /// <summary>The dotted name of a key (<c>a."b c".d</c> → <c>a.b c.d</c>).</summary>
    public static string Name(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key) };
        parts.AddRange(key.DotKeys.Select(d => Part(d.Key)));
        return string.Join('.', parts);
    }

    /// <summary>One segment of a key: a bare key's text or a quoted key's value (empty in a broken tree).</summary>
    public static string Part(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        StringValueSyntax quoted => quoted.Value ?? string.Empty,
        _ => string.Empty,
    };
}
