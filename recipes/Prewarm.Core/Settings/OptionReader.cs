using Prewarm.Core.Configuration;

namespace Prewarm.Core.Settings;

/// <summary>
/// Typed reading of the merged option values (command line over prewarm.toml, then the option's
/// environment variable) through the catalog entries' own parsers and defaults; a bad value is one
/// line naming the option. Every option read is recorded, which is how a test proves each catalog
/// entry binds to a setting.
/// </summary>
public sealed class OptionReader
{
    private readonly Func<string, IReadOnlyList<string>?> _values;
    private readonly Func<string, string?> _environment;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <param name="values">The values given for an option's argument name, or null when it was not given.</param>
    /// <param name="environment">Reads an environment variable (null when unset); none are read when omitted.</param>
    public OptionReader(Func<string, IReadOnlyList<string>?> values, Func<string, string?>? environment = null)
    {
        _values = values;
        _environment = environment ?? (_ => null);
    }

    /// <summary>The argument names read so far.</summary>
    public IReadOnlySet<string> Read => _read;

    /// <summary>The last value given (a bare flag's empty one included), parsed; else the default.</summary>
    public T Get<T>(ValueOption<T> option)
    {
        var values = Raw(option);
        // A bare flag (--release) may arrive with no value at all, or with an empty one: both are on.
        var last = option.Kind == OptionKind.Boolean ? values is { Count: 0 } ? string.Empty : values?.LastOrDefault() : values?.LastOrDefault(v => v.Length > 0);
        return last is null ? option.Value : Parse(option.Argument, last, option.Parse);
    }

    /// <summary>Every non-empty value given (split at commas where the option says so), each parsed.</summary>
    public IReadOnlyList<T> Get<T>(ListOption<T> option)
    {
        var values = Raw(option)?.Where(v => v.Length > 0) ?? [];
        if (option.SplitCommas)
        {
            values = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return values.Select(value => Parse(option.Argument, value, option.Parse)).ToList();
    }

    /// <summary>Whether the option was given (or its environment variable set), rather than defaulted.</summary>
    public bool Given(PrewarmOption option) => Raw(option)?.Any(v => v.Length > 0) == true;

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

    private IReadOnlyList<string>? Raw(PrewarmOption option)
    {
        _read.Add(option.Argument);
        return _values(option.Argument)
            ?? (option.EnvironmentVariable is { } variable && _environment(variable) is { Length: > 0 } value ? [value] : null);
    }
}
