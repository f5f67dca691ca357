using System.Runtime.CompilerServices;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Prewarm.Core.Toml;

/// <summary>Where each key of a parsed TOML file was written (1-based line and column), by dotted
/// path (<c>dependencies.serde.optional</c>; the n-th <c>[[package]]</c> is <c>package[n]</c>).
/// Built from the file's syntax tree (once, when first needed) so that errors found in the model can point at the text.</summary>
internal sealed class TomlPositions
{
    // Each model table remembers its file's index and its own dotted path, so a typed read that
    // only has the parent table in hand can still name the line.
    private static readonly ConditionalWeakTable<TomlTable, Located> Tables = new();

    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    // The file's root table while the tables inside it are not registered yet (see Locate).
    private TomlTable? _root;

    // The text of a file parsed without a syntax tree, until a position is first asked for (see Keys).
    private string? _text;

    private TomlPositions()
    {
    }

    /// <summary>The key paths (with their positions) that satisfy <paramref name="predicate"/>, in no particular order.</summary>
    public IEnumerable<(string Path, (int Line, int Column) At)> Matching(Func<(string Path, (int Line, int Column) At), bool> predicate) =>
        Keys.Select(k => (k.Key, k.Value)).Where(predicate);

    /// <summary>The position of the key at <paramref name="path"/>, or null when it is not in the file.</summary>
    public (int Line, int Column)? Of(string path) => Keys.TryGetValue(path, out var at) ? at : null;

    // A file the event stream parsed (TomlEventModel) gets its syntax tree only when an error asks where a
    // key is: the text was valid, so the tree is the one the validated parse would have built.
    private Dictionary<string, (int Line, int Column)> Keys
    {
        get
        {
            if (Volatile.Read(ref _text) is not null)
            {
                lock (_keys)
                {
                    if (_text is { } text)
                    {
                        AddAll(SyntaxParser.Parse(text, validate: false));
                        Volatile.Write(ref _text, null);
                    }
                }
            }

            return _keys;
        }
    }

    /// <summary>The position of <paramref name="key"/> in <paramref name="parent"/> (a table of a parsed file).</summary>
    public static (int Line, int Column)? Of(TomlTable parent, string key) =>
        Locate(parent) is { } located ? located.Positions.Of(Join(located.Path, key)) : null;

    /// <summary>The dotted path of a table of a parsed file, or null.</summary>
    public static string? PathOf(TomlTable table) => Locate(table)?.Path;

    /// <summary>The index of the file <paramref name="table"/> belongs to, or null.</summary>
    public static TomlPositions? For(TomlTable table) => Locate(table)?.Positions;

    // Only a file's root table is registered when it is parsed: the tables inside it are registered
    // the first time one is asked for (an error is being reported), by walking every parsed file's
    // model not yet walked. Most runs report no error, and a large workspace has a great many
    // tables. Positions are looked up only while the scan reads a model, before anything
    // changes it (the skeleton normalises the scan's documents in place afterwards and looks up no
    // position), so the lazy walk finds the paths the eager one did.
    private static readonly object Expanding = new();
    private static int _pending;

    private static Located? Locate(TomlTable table)
    {
        if (Tables.TryGetValue(table, out var located))
        {
            return located;
        }

        if (Volatile.Read(ref _pending) == 0)
        {
            return null;
        }

        lock (Expanding)
        {
            foreach (var (_, root) in Tables)
            {
                if (root.Positions._root is { } model)
                {
                    root.Positions._root = null;
                    Register(model, string.Empty, root.Positions, depth: 0);
                    Interlocked.Decrement(ref _pending);
                }
            }
        }

        return Tables.TryGetValue(table, out located) ? located : null;
    }

    internal static TomlPositions Attach(DocumentSyntax syntax, TomlTable model)
    {
        var positions = new TomlPositions();
        positions.AddAll(syntax);
        return positions.RegisterRoot(model);
    }

    /// <summary>For a model built without a syntax tree from <paramref name="text"/> (valid TOML): the tree
    /// is parsed from it the first time a position is asked for.</summary>
    internal static TomlPositions AttachLazily(string text, TomlTable model) => new TomlPositions { _text = text }.RegisterRoot(model);

    private TomlPositions RegisterRoot(TomlTable model)
    {
        _root = model;
        Tables.AddOrUpdate(model, new Located(this, string.Empty));
        Interlocked.Increment(ref _pending);
        return this;
    }

    private void AddAll(DocumentSyntax syntax)
    {
        AddKeyValues(string.Empty, syntax.KeyValues);
        var arrays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in syntax.Tables)
        {
            if (table.Name is not { } name)
            {
                continue;
            }

            var path = KeyPath(string.Empty, name, table);
            if (table is TableArraySyntax)
            {
                var index = arrays.GetValueOrDefault(path);
                arrays[path] = index + 1;
                Add(path, table);
                path = $"{path}[{index}]";
            }

            Add(path, table);
            AddKeyValues(path, table.Items);
        }
    }

    private static void Register(TomlTable table, string path, TomlPositions positions, int depth)
    {
        // The model refuses deep nesting before this runs; the bound keeps the recursion shallow anyway.
        if (depth > 64)
        {
            return;
        }

        Tables.AddOrUpdate(table, new Located(positions, path));
        foreach (var (key, value) in table)
        {
            var child = Join(path, key);
            switch (value)
            {
                case TomlTable nested:
                    Register(nested, child, positions, depth + 1);
                    break;
                case TomlTableArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Register(array[i], $"{child}[{i}]", positions, depth + 1);
                    }

                    break;
            }
        }
    }

    private void AddKeyValues(string prefix, IEnumerable<KeyValueSyntax> keyValues)
    {
        foreach (var keyValue in keyValues)
        {
            if (keyValue.Key is not { } key)
            {
                continue;
            }

            var path = KeyPath(prefix, key, keyValue);
            Add(path, keyValue);
            if (keyValue.Value is InlineTableSyntax inline)
            {
                AddKeyValues(path, inline.Items.Select(i => i.KeyValue).OfType<KeyValueSyntax>());
            }
        }
    }

    private void Add(string path, SyntaxNode node) =>
        _keys.TryAdd(path, (node.Span.Start.Line + 1, node.Span.Start.Column + 1));

    // Registers the key's full path and each intermediate one (`a.b` of `[a.b.c]` or `a.b.c = 1`),
    // so a table implied by a header or a dotted key has a position too.
    private string KeyPath(string prefix, KeySyntax key, SyntaxNode node)
    {
        var path = Join(prefix, TomlSyntaxKeys.Part(key.Key));
        foreach (var dotted in key.DotKeys)
        {
            Add(path, node);
            path = Join(path, TomlSyntaxKeys.Part(dotted.Key));
        }

        return path;
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    private sealed record Located(TomlPositions Positions, string Path);
}
