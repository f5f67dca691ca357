using System.Globalization;
using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>
/// Typed reading of the merged option values (command line over prewarm.toml); a bad value is one
/// line naming the option. Only catalogued options can be read, and every option read is recorded,
/// which is how a test proves each catalog entry binds to a setting.
/// </summary>
public sealed class OptionReader
{
    private readonly Func<string, IReadOnlyList<string>?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <param name="values">The values given for an option's argument name, or null when it was not given.</param>
    public OptionReader(Func<string, IReadOnlyList<string>?> values) => _values = values;

    /// <summary>The argument names read so far.</summary>
    public IReadOnlySet<string> Read => _read;

    /// <summary>All values of a repeatable option, comma-separated values split.</summary>
    public IReadOnlyList<string> List(string name) =>
        Raw(name)?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];

    /// <summary>All non-empty values as given: a value holding commas (a cache spec) stays one value.</summary>
    public IReadOnlyList<string> Values(string name) => Raw(name)?.Where(v => v.Length > 0).ToList() ?? [];

    /// <summary>The last non-empty value, or null.</summary>
    public string? Text(string name) => Values(name).LastOrDefault();

    /// <summary>on/off, true/false, yes/no, 1/0; a bare <c>--name</c> is on; null when not given.</summary>
    public bool? Switch(string name)
    {
        if (Raw(name) is not { } values)
        {
            return null;
        }

        var text = values.LastOrDefault();
        return text?.ToLowerInvariant() switch
        {
            null or "" or "on" or "true" or "yes" or "1" => true,
            "off" or "false" or "no" or "0" => false,
            _ => throw new PrewarmException($"--{name}={text}: expected on or off"),
        };
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or null when not given.</summary>
    public int? Integer(string name, int minimum)
    {
        if (Raw(name) is not { } values)
        {
            return null;
        }

        var text = values.LastOrDefault();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new PrewarmException($"--{name}={text}: expected a whole number of at least {minimum}");
    }

    /// <summary>A non-negative number, or null when not given.</summary>
    public double? Number(string name)
    {
        if (Raw(name) is not { } values)
        {
            return null;
        }

        var text = values.LastOrDefault();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new PrewarmException($"--{name}={text}: expected a non-negative number");
    }

    /// <summary>One of <paramref name="allowed"/> (the first is the default when not given).</summary>
    public string Choice(string name, params string[] allowed)
    {
        var text = Text(name);
        return text is null ? allowed[0]
            : allowed.Contains(text, StringComparer.Ordinal) ? text
            : throw new PrewarmException($"--{name}={text}: expected {string.Join(", ", allowed[..^1])} or {allowed[^1]}");
    }

    /// <summary>The last value parsed by <paramref name="parse"/>, or null when not given; the parser's
    /// error becomes one line naming the option.</summary>
    public T? Parsed<T>(string name, Func<string, T> parse)
        where T : class => Text(name) is { } text ? Parse(name, text, parse) : null;

    /// <summary>The last value parsed by <paramref name="parse"/>, or null when not given.</summary>
    public T? ParsedValue<T>(string name, Func<string, T> parse)
        where T : struct => Text(name) is { } text ? Parse(name, text, parse) : null;

    /// <summary>Every value (as given, commas kept) parsed by <paramref name="parse"/>.</summary>
    public IReadOnlyList<T> ParsedEach<T>(string name, Func<string, T> parse) =>
        Values(name).Select(value => Parse(name, value, parse)).ToList();

    private static T Parse<T>(string name, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (PrewarmException e) when (!e.Message.StartsWith($"--{name}", StringComparison.Ordinal))
        {
            throw new PrewarmException($"--{name}={value}: {e.Message}");
        }
    }

    private IReadOnlyList<string>? Raw(string name)
    {
        if (OptionCatalog.FindByArgument(name) is null)
        {
            throw new InvalidOperationException($"Option '--{name}' is read but missing from OptionCatalog.");
        }

        _read.Add(name);
        return _values(name);
    }
}
