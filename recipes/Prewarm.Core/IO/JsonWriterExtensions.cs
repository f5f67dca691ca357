using System.Text.Json;

namespace Prewarm.Core.IO;

/// <summary>What the hand-written JSON documents (the Verify report, the recipe's build environment) write alike.</summary>
internal static class JsonWriterExtensions
{
    /// <summary><c>"name": ["a", "b"]</c>, in the order given.</summary>
    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
