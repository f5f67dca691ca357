using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prewarm.Core.IO;

/// <summary>How Prewarm writes its JSON artifacts: indented, "\n" line endings and non-ASCII text as
/// written (not <c>\uXXXX</c>), so the same content is the same bytes on every machine. Each artifact's
/// serializer (scan.json, the stage records and manifests, recipe.json) starts from here.</summary>
public static class JsonStyle
{
    /// <summary>For a document written by hand with a <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions Writer => new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For a model: camelCase members, nulls left out, enums named by <paramref name="enumNaming"/>
    /// (null: enums as numbers). Options are fixed at their first use: make each serializer's once.</summary>
    public static JsonSerializerOptions Serializer(JsonNamingPolicy? enumNaming = null)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        if (enumNaming is not null)
        {
            options.Converters.Add(new JsonStringEnumConverter(enumNaming));
        }

        return options;
    }
}
