using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Typed reads from an untyped TOML table; a value of the wrong type is a manifest error
/// naming the key and, when the document's positions are known, its line and column.</summary>
internal sealed class TomlValues
{
    private readonly TomlPositions _positions;

    public TomlValues(string file)
    {
        File = file;
        _positions = TomlPositions.None;
    }

    public TomlValues(TomlDocument document)
    {
        File = document.File;
        _positions = document.Positions;
    }

    public string File { get; }

    public TomlTable? Table(TomlTable parent, string key) => parent.TryGetValue(key, out var value)
        ? value as TomlTable ?? throw Invalid(parent, key, "a table", value)
        : null;

    public string? String(TomlTable parent, string key) => parent.TryGetValue(key, out var value)
        ? value as string ?? throw Invalid(parent, key, "a string", value)
        : null;

    public bool? Bool(TomlTable parent, string key) => parent.TryGetValue(key, out var value)
        ? value as bool? ?? throw Invalid(parent, key, "a boolean", value)
        : null;

    public IReadOnlyList<string>? Strings(TomlTable parent, string key)
    {
        if (!parent.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is not TomlArray array)
        {
            throw Invalid(parent, key, "an array of strings", value);
        }

        var strings = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            strings.Add(array[i] as string
                ?? throw Error(_positions.OfElement(parent, key, i), $"`{_positions.DisplayPath(parent, key)}` must be an array of strings, found {Describe(array[i])} in it"));
        }

        return strings;
    }

    public IEnumerable<TomlTable> TableArray(TomlTable parent, string key)
    {
        if (!parent.TryGetValue(key, out var value))
        {
            return [];
        }

        return value switch
        {
            TomlTableArray tables => tables,
            TomlArray array when array.All(a => a is TomlTable) => array.Cast<TomlTable>(),
            _ => throw Invalid(parent, key, "an array of tables", value),
        };
    }

    /// <summary>True for <c>key.workspace = true</c> (inherit from <c>[workspace.package]</c>).</summary>
    public bool Inherits(TomlTable parent, string key) =>
        parent.TryGetValue(key, out var value) && value is TomlTable t && t.TryGetValue("workspace", out var w) && w is true;

    /// <summary>The dotted key path of <paramref name="key"/> in <paramref name="parent"/>, for messages.</summary>
    public string PathOf(TomlTable parent, string key) => _positions.DisplayPath(parent, key);

    public CargoManifestException Invalid(TomlTable parent, string key, string expected, object? value) =>
        Error(_positions.Of(parent, key), $"`{PathOf(parent, key)}` must be {expected}, found {Describe(value)}");

    /// <summary>An error at <paramref name="key"/> of <paramref name="parent"/>: at its value, or at the
    /// key itself when the key is what is wrong.</summary>
    public CargoManifestException Error(TomlTable parent, string? key, string problem, bool atKey = false) =>
        Error(_positions.Of(parent, key, atValue: !atKey), problem);

    /// <summary>An error at element <paramref name="index"/> of the array at <paramref name="key"/>.</summary>
    public CargoManifestException ElementError(TomlTable parent, string key, int index, string problem) =>
        Error(_positions.OfElement(parent, key, index), problem);

    public TomlPosition? PositionOf(TomlTable parent, string? key, bool atKey = false) => _positions.Of(parent, key, atValue: !atKey);

    public TomlPosition? ElementPositionOf(TomlTable parent, string key, int index) => _positions.OfElement(parent, key, index);

    private CargoManifestException Error(TomlPosition? position, string problem) =>
        position is { } at ? new CargoManifestException(File, at.Line, at.Column, problem) : new CargoManifestException(File, problem);

    private static string Describe(object? value) => value switch
    {
        string => "a string",
        bool => "a boolean",
        long or double => "a number",
        TomlTable => "a table",
        TomlArray or TomlTableArray => "an array",
        _ => "another value",
    };
}
