using System.Text.Json.Serialization;

namespace Prewarm.Core.Docker;

/// <summary>A group of bake targets built together.</summary>
public sealed record BakeGroup([property: JsonPropertyName("targets")] IReadOnlyList<string> Targets);
