using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Prewarm.Core.Recipes;

/// <summary>Tomlyn's built-in metadata for a <see cref="TomlTable"/>, resolved once. Serialising with
/// options resolves it on every call, and that resolution looks up converter attributes on the type by
/// reflection: a visible share of the time for a large workspace's skeleton manifests. A root table is written by
/// Tomlyn's model writer whichever way its metadata was found, so the text is the same.</summary>
internal sealed class TomlTableMetadata : TomlSerializerContext
{
    public static TomlTypeInfo<TomlTable> Table { get; } = GetBuiltInTypeInfo<TomlTable>(TomlSerializerOptions.Default);

    private TomlTableMetadata()
    {
    }

    public override TomlTypeInfo? GetTypeInfo(Type type, TomlSerializerOptions options) => type == typeof(TomlTable) ? Table : null;
}
