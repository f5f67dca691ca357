using System.Reflection;
using Prewarm.Frosting.Internal;
using Spectre.Console.Cli;

namespace Prewarm.Frosting;

/// <summary>The switches the host parses itself (<c>--target</c>, <c>-t</c>, <c>--verbosity</c>,
/// <c>--dryrun</c>, …), without dashes: what a check of the other arguments must also know.</summary>
public static class HostArguments
{
    public static IReadOnlyList<string> Names { get; } = typeof(DefaultCommandSettings).GetProperties()
        .SelectMany(property => property.GetCustomAttributes<CommandOptionAttribute>())
        .SelectMany(option => option.LongNames.Concat(option.ShortNames))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();
}
