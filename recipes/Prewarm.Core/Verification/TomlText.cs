using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Core.Verification;

/// <summary>Parses TOML into Tomlyn's untyped model; a syntax error becomes one line naming path:line:column.</summary>
internal static class TomlText
{
    public static TomlTable Read(string text, string path)
    {
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException exception)
        {
            var firstLine = exception.Message.Split('\n')[0].Trim();
            throw new PrewarmException(
                string.Create(CultureInfo.InvariantCulture, $"{path}:{exception.Line}:{exception.Column}: invalid TOML: {firstLine}"),
                exception);
        }
    }
}
