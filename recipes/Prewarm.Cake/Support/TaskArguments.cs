using System.Globalization;
using Cake.Core;
using Prewarm.Core;
using Prewarm.Core.Configuration;

namespace Prewarm.Cake.Support;

/// <summary>Typed reading of task arguments; a bad value is one line naming the argument.</summary>
internal static class TaskArguments
{
    /// <summary>Every argument a task reads must be in the option catalog, so prewarm.toml can set it
    /// and a typo in the file is caught; reading an uncatalogued one is a programming error.</summary>
    public static string Catalogued(string name) =>
        OptionCatalog.FindByArgument(name) is not null
            ? name
            : throw new InvalidOperationException($"Argument '--{name}' is read by a task but missing from OptionCatalog.");

    /// <summary>All values of a repeatable argument, comma-separated values split.</summary>
    public static IReadOnlyList<string> List(ICakeContext context, string name) =>
        context.Arguments.HasArgument(Catalogued(name))
            ? context.Arguments.GetArguments(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    /// <summary>All non-empty values of a repeatable argument, as given: a cache spec
    /// (<c>type=registry,ref=…,mode=max</c>) or a build argument is one value, commas included.</summary>
    public static IReadOnlyList<string> Values(ICakeContext context, string name) =>
        context.Arguments.HasArgument(Catalogued(name))
            ? context.Arguments.GetArguments(name).Where(v => v.Length > 0).ToList()
            : [];

    public static double Number(ICakeContext context, string name, double fallback)
    {
        if (!context.Arguments.HasArgument(Catalogued(name)))
        {
            return fallback;
        }

        var text = context.Arguments.GetArgument(name);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new PrewarmException($"--{name}={text}: expected a non-negative number");
    }

    public static int? Integer(ICakeContext context, string name, int? fallback, int minimum)
    {
        if (!context.Arguments.HasArgument(Catalogued(name)))
        {
            return fallback;
        }

        var text = context.Arguments.GetArgument(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new PrewarmException($"--{name}={text}: expected a whole number of at least {minimum}");
    }

    /// <summary>on/off, true/false, yes/no, 1/0; a bare <c>--name</c> is on.</summary>
    public static bool Switch(ICakeContext context, string name, bool fallback)
    {
        if (!context.Arguments.HasArgument(Catalogued(name)))
        {
            return fallback;
        }

        var text = context.Arguments.GetArgument(name);
        return text?.ToLowerInvariant() switch
        {
            null or "" or "on" or "true" or "yes" or "1" => true,
            "off" or "false" or "no" or "0" => false,
            _ => throw new PrewarmException($"--{name}={text}: expected on or off"),
        };
    }

    /// <summary>The last non-empty value, or null.</summary>
    public static string? Text(ICakeContext context, string name) => Values(context, name).LastOrDefault();
}
