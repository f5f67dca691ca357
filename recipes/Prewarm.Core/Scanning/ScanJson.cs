using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Prewarm.Core.IO;

namespace Prewarm.Core.Scanning;

/// <summary>The JSON of the scan artifacts: <see cref="JsonStyle"/>, enums camelCase — the same input always
/// gives the same bytes.</summary>
public static class ScanJson
{
    public static JsonSerializerOptions Options { get; } = WithScanTypes(JsonStyle.Serializer(JsonNamingPolicy.CamelCase));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>The UTF-8 bytes of <see cref="Serialize{T}"/>, written straight from the model: scan.json
    /// runs to megabytes, and a string of it would be built only to be encoded again (nor are the bytes
    /// copied out of the buffer they were written to).</summary>
    public static ReadOnlyMemory<byte> SerializeToUtf8<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(Volatile.Read(ref LastLength<T>.Value) + 4096);
        using (var writer = new Utf8JsonWriter(buffer, JsonStyle.Writer))
        {
            JsonSerializer.Serialize(writer, value, Options);
        }

        buffer.Write("\n"u8);
        Volatile.Write(ref LastLength<T>.Value, buffer.WrittenCount);
        return buffer.WrittenMemory;
    }

    // The scan's own types come from generated metadata (no reflection to warm up in a fresh process);
    // anything else still serialises by reflection.
    private static JsonSerializerOptions WithScanTypes(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(ScanJsonContext.Default, new DefaultJsonTypeInfoResolver());
        return options;
    }

    /// <summary>The length of the last document of type <typeparamref name="T"/> written: a scan of the same
    /// repositories again fills a buffer that size instead of growing one through every power of two.</summary>
    private static class LastLength<T>
    {
        public static int Value = 64 * 1024;
    }
}
