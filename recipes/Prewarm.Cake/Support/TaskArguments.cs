using Cake.Core;
using Prewarm.Core.Settings;

namespace Prewarm.Cake.Support;

/// <summary>The merged task arguments (command line over prewarm.toml) and the environment as option
/// values for <see cref="SettingsBinder"/>; tasks read <see cref="PrewarmContext.Settings"/>, never raw arguments.</summary>
internal static class TaskArguments
{
    internal static OptionReader Reader(ICakeContext context) =>
        new(name => context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name).ToList() : null,
            context.Environment.GetEnvironmentVariable);
}
