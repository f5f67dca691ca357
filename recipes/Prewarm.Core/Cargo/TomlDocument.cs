using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>A parsed TOML file: the data model plus where each key and value sits in the text, so
/// every validation error can point at its line and column.</summary>
internal sealed class TomlDocument(string file, TomlTable root, TomlPositions positions)
{
    /// <summary>The file as messages name it (repository-relative).</summary>
    public string File { get; } = file;

    public TomlTable Root { get; } = root;

    public TomlPositions Positions { get; } = positions;
}
