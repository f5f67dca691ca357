namespace Prewarm.Core.Toml;

/// <summary>One string per distinct short key or plain string value a thread's parses have met. A large
/// scan's models hold the same few hundred keys and values (`version`, `workspace`, `path`, "2021", a
/// shared version requirement) over and over, and the models live for the whole run, so
/// every collection copies each copy: taken from here they are allocated and kept once.</summary>
internal sealed class TomlStringPool
{
    // Long or rare strings are not worth a lookup, and the pool must not grow with one odd file.
    private const int MaximumLength = 64;
    private const int MaximumCount = 16 * 1024;

    [ThreadStatic]
    private static TomlStringPool? _forThread;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private TomlStringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The calling thread's pool: parses run on several threads, and a pool of each's own needs no lock.</summary>
    public static TomlStringPool ForThread => _forThread ??= new TomlStringPool();

    /// <summary>A string equal to <paramref name="chars"/>, the pooled one where there is one.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaximumLength)
        {
            return chars.ToString();
        }

        if (_bySpan.TryGetValue(chars, out var pooled))
        {
            return pooled;
        }

        var text = chars.ToString();
        if (_strings.Count < MaximumCount)
        {
            _strings.Add(text, text);
        }

        return text;
    }
}
