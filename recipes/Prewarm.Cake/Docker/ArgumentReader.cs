using System.Globalization;
using Cake.Core;
using Prewarm.Core;

namespace Prewarm.Cake.Docker;

/// <summary>Typed reads of the command line, failing with one line that names the argument.</summary>
internal static class ArgumentReader
{
    public static IReadOnlyList<string> Strings(ICakeContext context, string name) =>
        context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name).Where(v => v.Length > 0).ToList() : [];

    public static string? String(ICakeContext context, string name) => Strings(context, name).LastOrDefault();

    public static bool Flag(ICakeContext context, string name)
    {
        if (!context.Arguments.HasArgument(name))
        {
            return false;
        }

        var value = context.Arguments.GetArguments(name).LastOrDefault() ?? string.Empty;
        return value.Trim().ToLowerInvariant() switch
        {
            "" or "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new PrewarmException($"--{name}={value}: expected true or false."),
        };
    }

    public static int? Int(ICakeContext context, string name)
    {
        var value = String(context, name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new PrewarmException($"--{name}={value}: expected a non-negative whole number.");
    }
}
