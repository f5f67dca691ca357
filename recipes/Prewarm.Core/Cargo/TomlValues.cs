using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>Typed reads from an untyped TOML table; a value of the wrong type is a manifest error
/// naming the key, as cargo reports it.</summary>
internal sealed class TomlValues(string file)
{
    public string File { get; } = file;

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

        // A loop, not a Select with a closure: this runs for every feature list and member pattern.
        var strings = new List<string>(array.Count);
        foreach (var item in array)
        {
            strings.Add(item as string ?? throw Invalid(parent, key, "an array of strings", item));
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

    public CargoManifestException Invalid(string key, string expected, object? value) =>
        new(File, $"`{key}` must be {expected}, found {Describe(value)}");

    /// <summary>As <see cref="Invalid(string,string,object?)"/>, at the key's line and column.</summary>
    public CargoManifestException Invalid(TomlTable parent, string key, string expected, object? value)
    {
        var path = TomlText.PathOf(parent) is { Length: > 0 } owner ? $"{owner}.{key}" : key;
        return At(parent, key, $"`{path}` must be {expected}, found {Describe(value)}");
    }

    /// <summary>A manifest error at <paramref name="key"/> of <paramref name="parent"/> when its position is known.</summary>
    public CargoManifestException At(TomlTable parent, string key, string problem) =>
        TomlText.PositionOf(parent, key) is var (line, column) ? new(File, line, column, problem) : new(File, problem);

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
