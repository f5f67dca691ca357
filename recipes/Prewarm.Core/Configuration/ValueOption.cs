using System.Globalization;

namespace Prewarm.Core.Configuration;

/// <summary>A flag or a single-value option: the last value given, parsed, else <see cref="Value"/>.</summary>
public sealed class ValueOption<T> : PrewarmOption
{
    private readonly string? _default;

    public ValueOption(string section, string key, OptionKind kind, Func<string, T> parse, T value, string description, string tasks, string? defaultText = null)
        : base(section, key, kind, description, tasks)
    {
        Parse = parse;
        Value = value;
        _default = defaultText;
    }

    /// <summary>Turns one given value into the setting; throws <see cref="PrewarmException"/> naming what it expected.</summary>
    public Func<string, T> Parse { get; }

    /// <summary>The typed default, when the option is not given.</summary>
    public T Value { get; }

    public override string Default => _default ?? Value switch
    {
        null => "",
        bool flag => flag ? "on" : "off",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
