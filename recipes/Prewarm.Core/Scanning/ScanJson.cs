using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Prewarm.Core.Scanning;

/// <summary>The one JSON style of the scan artifacts: camelCase, indented, "\n" line endings,
/// enums as strings, nulls left out — the same input always gives the same bytes.</summary>
public static class ScanJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The scan's own types come from generated metadata (no reflection to warm up in a fresh
        // process); anything else still serialises by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ScanJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        MaxDepth = Options.MaxDepth,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>The UTF-8 bytes of <see cref="Serialize{T}"/>, written straight from the model: scan.json
    /// runs to megabytes, and a string of it would be built only to be encoded again (nor are the bytes
    /// copied out of the buffer they were written to).</summary>
    public static ReadOnlyMemory<byte> SerializeToUtf8<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(Volatile.Read(ref LastLength<T>.Value) + 4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, Options);
        }

        buffer.Write("\n"u8);
        Volatile.Write(ref LastLength<T>.Value, buffer.WrittenCount);
        return buffer.WrittenMemory;
    }

    /// <summary>The length of the last document of type <typeparamref name="T"/> written: a scan of the same
    /// repositories again fills a buffer that size instead of growing one through every power of two.</summary>
    private static class LastLength<T>
    {
        public static int Value = 64 * 1024;
    }
}
