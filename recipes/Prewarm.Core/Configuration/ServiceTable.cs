using Prewarm.Core.Services;
using Prewarm.Core.Toml;
using Tomlyn.Syntax;

namespace Prewarm.Core.Configuration;

/// <summary>
/// Reads one <c>[services.NAME]</c> table of prewarm.toml into a <see cref="ServiceDefinition"/>, as
/// strictly as the rest of the file: an unknown key is an error naming its position and the nearest key.
/// </summary>
internal static class ServiceTable
{
    /// <summary>The table's prefix; what follows it is the service's name.</summary>
    public const string Prefix = "services.";

    private static readonly string[] Keys = ["package", "bin", "features", "no-default-features", "all-features", "tag"];

    public static ServiceDefinition Read(TableSyntax table, string name, string path)
    {
        var declared = PrewarmConfigFile.Where(path, table.Name!.Span);
        if (!ServiceDefinition.IsValidName(name))
        {
            throw new PrewarmConfigException($"{declared}: service '{name}': a service name is lower-case letters, digits and dashes (it names the service's artifacts and image).");
        }

        var service = new ServiceDefinition { Name = name, Declared = declared };
        foreach (var item in table.Items)
        {
            var key = TomlText.KeyName(item.Key!);
            service = key switch
            {
                "package" => service with { Packages = Strings(item, name, path) },
                "bin" => service with { Bins = Strings(item, name, path) },
                "features" => service with { Features = Recipes.BuildEnvironment.NormalizeFeatures(Strings(item, name, path)) },
                "no-default-features" => service with { NoDefaultFeatures = Switch(item, name, path) },
                "all-features" => service with { AllFeatures = Switch(item, name, path) },
                "tag" => service with { Tags = Tags(item, name, path) },
                _ => throw Unknown(item, key, name, path),
            };
        }

        if (service.Packages.Count == 0 && service.Bins.Count == 0)
        {
            throw new PrewarmConfigException($"{declared}: service '{name}' names no package and no bin; give it package = [\"…\"] or bin = [\"…\"].");
        }

        return service;
    }

    private static PrewarmConfigException Unknown(KeyValueSyntax item, string key, string name, string path) =>
        new($"{PrewarmConfigFile.Where(path, item.Key!.Span)}: unknown key '{key}' in service '{name}'"
            + (NearestName.Find(key, Keys) is { } nearest ? $"; did you mean '{nearest}'?" : $" (a service takes {string.Join(", ", Keys)})."));

    private static IReadOnlyList<string> Strings(KeyValueSyntax item, string name, string path) => item.Value switch
    {
        StringValueSyntax s => [s.Value!],
        ArraySyntax array when array.Items.All(i => i.Value is StringValueSyntax) => [.. array.Items.Select(i => ((StringValueSyntax)i.Value!).Value!)],
        _ => throw new PrewarmConfigException($"{PrewarmConfigFile.Where(path, item.Value!.Span)}: '{TomlText.KeyName(item.Key!)}' of service '{name}' takes a string or an array of strings."),
    };

    private static IReadOnlyList<string> Tags(KeyValueSyntax item, string name, string path)
    {
        try
        {
            return [.. Strings(item, name, path).Select(OptionParsers.ImageName)];
        }
        catch (PrewarmException e) when (e is not PrewarmConfigException)
        {
            throw new PrewarmConfigException($"{PrewarmConfigFile.Where(path, item.Value!.Span)}: 'tag' of service '{name}': {e.Message}");
        }
    }

    private static bool Switch(KeyValueSyntax item, string name, string path) => item.Value is BooleanValueSyntax b
        ? b.Value
        : throw new PrewarmConfigException($"{PrewarmConfigFile.Where(path, item.Value!.Span)}: '{TomlText.KeyName(item.Key!)}' of service '{name}' takes true or false.");
}
