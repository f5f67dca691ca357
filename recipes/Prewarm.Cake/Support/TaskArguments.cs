using Prewarm.Core.Settings;

namespace Prewarm.Cake.Support;

/// <summary>The merged task arguments (command line over prewarm.toml) and the environment as option
/// values for <see cref="SettingsBinder"/>; tasks read <see cref="PrewarmContext.Settings"/>, never raw arguments.</summary>
internal static class TaskArguments
{
    // A bare flag (--release) reaches Cake's arguments with a null value: passed on as empty, which is on.
    internal static OptionReader Reader(ICakeContext context) =>
        new(name => context.Arguments.HasArgument(name) ? context.Arguments.GetArguments(name).Select(v => v ?? string.Empty).ToList() : null,
            context.Environment.GetEnvironmentVariable);
}
