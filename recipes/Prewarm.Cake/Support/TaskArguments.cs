using Cake.Core;
using Prewarm.Core.Configuration;
using Prewarm.Core.Settings;

namespace Prewarm.Cake.Support;

/// <summary>The merged task arguments (command line over prewarm.toml) as option values for
/// <see cref="SettingsBinder"/>; tasks read <see cref="PrewarmContext.Settings"/>, never raw arguments.</summary>
internal static class TaskArguments
{
    /// <summary>Every argument read must be in the option catalog, so prewarm.toml can set it and a
    /// typo in the file is caught; reading an uncatalogued one is a programming error.</summary>
    public static string Catalogued(string name) =>
        OptionCatalog.FindByArgument(name) is not null
            ? name
            : throw new InvalidOperationException($"Argument '--{name}' is read by a task but missing from OptionCatalog.");

    internal static OptionReader Reader(ICakeContext context) =>
        new(name => context.Arguments.HasArgument(Catalogued(name)) ? context.Arguments.GetArguments(name).ToList() : null);
}
