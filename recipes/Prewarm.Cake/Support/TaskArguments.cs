using Cake.Core;
using Prewarm.Core.Configuration;
using Prewarm.Core.Settings;

namespace Prewarm.Cake.Support;

/// <summary>Typed reading of raw task arguments for the options no settings object binds yet (the
/// Docker ones, see <see cref="DockerSettings"/>); the parsing is <see cref="OptionReader"/>'s, so a
/// value means the same wherever it is read. Everything else reads <see cref="PrewarmContext.Settings"/>.</summary>
internal static class TaskArguments
{
    /// <summary>Every argument a task reads must be in the option catalog, so prewarm.toml can set it
    /// and a typo in the file is caught; reading an uncatalogued one is a programming error.</summary>
    public static string Catalogued(string name) =>
        OptionCatalog.FindByArgument(name) is not null
            ? name
            : throw new InvalidOperationException($"Argument '--{name}' is read by a task but missing from OptionCatalog.");

    /// <summary>All values of a repeatable argument, comma-separated values split.</summary>
    public static IReadOnlyList<string> List(ICakeContext context, string name) => Reader(context).List(name);

    /// <summary>All non-empty values of a repeatable argument, as given: a cache spec
    /// (<c>type=registry,ref=…,mode=max</c>) or a build argument is one value, commas included.</summary>
    public static IReadOnlyList<string> Values(ICakeContext context, string name) => Reader(context).Values(name);

    public static double Number(ICakeContext context, string name, double fallback) => Reader(context).Number(name) ?? fallback;

    public static int? Integer(ICakeContext context, string name, int? fallback, int minimum) => Reader(context).Integer(name, minimum) ?? fallback;

    /// <summary>on/off, true/false, yes/no, 1/0; a bare <c>--name</c> is on.</summary>
    public static bool Switch(ICakeContext context, string name, bool fallback) => Reader(context).Switch(name) ?? fallback;

    /// <summary>The last non-empty value, or null.</summary>
    public static string? Text(ICakeContext context, string name) => Reader(context).Text(name);

    /// <summary>The merged arguments (command line over prewarm.toml) as option values.</summary>
    internal static OptionReader Reader(ICakeContext context) =>
        new(name => context.Arguments.HasArgument(Catalogued(name)) ? context.Arguments.GetArguments(name).ToList() : null);
}
