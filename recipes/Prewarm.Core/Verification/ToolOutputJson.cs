using System.Text.Json;

namespace Prewarm.Core.Verification;

/// <summary>A tool's JSON output, parsed; text that is not JSON is a <see cref="PrewarmException"/> naming
/// where it came from (the tool's command, and the line for output of one message a line).</summary>
internal static class ToolOutputJson
{
    /// <summary>Parses <paramref name="json"/>; on failure, "<paramref name="origin"/>[: line N]: <paramref name="what"/>: the parser's message".</summary>
    public static JsonDocument Parse(string json, string origin, string what, int line = 0)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            var where = line > 0 ? $"{origin}: line {line}" : origin;
            throw new PrewarmException($"{where}: {what}: {exception.Message}", exception);
        }
    }
}
