using System.Text.Json.Serialization;

namespace Prewarm.Core.Scanning;

/// <summary>Compile-time JSON metadata for what the Scan stage writes and reads back; the style
/// (naming, indentation, escaping) stays <see cref="ScanJson.Options"/>'s.</summary>
[JsonSerializable(typeof(ScanDocument))]
[JsonSerializable(typeof(DependencyFrequencyReport))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;
