using System.Globalization;

namespace Prewarm.Core.Configuration;

/// <summary>The parsers catalog entries share; each throws a <see cref="PrewarmException"/> saying what
/// it expected, which the reader prefixes with the option and value.</summary>
public static class OptionParsers
{
    public static string AsIs(string value) => value;

    /// <summary>on/off, true/false, yes/no, 1/0; a bare <c>--name</c> (an empty value) is on.</summary>
    public static bool Switch(string value) => value.ToLowerInvariant() switch
    {
        "" or "on" or "true" or "yes" or "1" => true,
        "off" or "false" or "no" or "0" => false,
        _ => throw new PrewarmException("expected on or off"),
    };

    public static Func<string, int> WholeNumber(int minimum) => value =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new PrewarmException($"expected a whole number of at least {minimum}");

    /// <summary>A non-negative number, fractions allowed (a percentage such as 97.5).</summary>
    public static double NonNegative(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new PrewarmException("expected a non-negative number");

    public static Func<string, string> Choice(params string[] allowed) => value =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new PrewarmException($"expected {string.Join(", ", allowed[..^1])} or {allowed[^1]}");

    /// <summary>An image reference as docker takes it: no spaces, not an option.</summary>
    public static string ImageName(string value) =>
        value.Any(char.IsWhiteSpace) || value.StartsWith('-') ? throw new PrewarmException("not an image reference") : value;
}
