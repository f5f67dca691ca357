using Cake.Core.Configuration;
using Cake.Core;
using Cake.Core.IO;
using Spectre.Console.Cli;

namespace Prewarm.Frosting.Internal;

/// <summary>Cake configuration from cake.config / environment / <c>--section_key=value</c>
/// arguments (for example <c>--settings_showprocesscommandline=true</c>), as the Cake runner reads it,
/// over the values the build set with <c>UseCakeSetting</c>.</summary>
internal sealed class HostConfiguration : ICakeConfiguration
{
    private readonly ICakeConfiguration _inner;

    public HostConfiguration(IEnumerable<CakeSetting> settings, IFileSystem fileSystem, ICakeEnvironment environment, IRemainingArguments remaining)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            defaults[setting.Key] = setting.Value;
        }

        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in remaining.Parsed)
        {
            arguments[argument.Key.TrimStart('-')] = argument.LastOrDefault() ?? string.Empty;
        }

        _inner = new CakeConfigurationProvider(fileSystem, environment)
            .CreateConfiguration(environment.WorkingDirectory, defaults, arguments);
    }

    public string GetValue(string key) => _inner.GetValue(key);
}
