using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>The parts of a repository's <c>.cargo/config.toml</c> the scan needs: named registries
/// (for <c>registry = "…"</c> sources) and vendored source directories (not to be scanned).</summary>
public sealed class CargoConfig
{
    private CargoConfig(IReadOnlyDictionary<string, string> registries, IReadOnlyList<string> vendored)
    {
        Registries = registries;
        VendoredDirectories = vendored;
    }

    /// <summary>Registry name → index URL.</summary>
    public IReadOnlyDictionary<string, string> Registries { get; }

    /// <summary>Absolute paths of <c>directory</c> / <c>local-registry</c> source replacements.</summary>
    public IReadOnlyList<string> VendoredDirectories { get; }

    /// <summary>Reads <c>&lt;root&gt;/.cargo/config</c> or else <c>config.toml</c> (cargo's precedence); empty when neither exists.</summary>
    public static CargoConfig Read(string repoRoot)
    {
        var registries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var vendored = new List<string>();
        // cargo reads `.cargo/config` when both spellings exist.
        if (ConfigFileNames.Read(repoRoot, ConfigFileNames.CargoConfig) is { } display)
        {
            var full = Path.Combine(repoRoot, display.Replace('/', Path.DirectorySeparatorChar));
            var document = TomlText.Parse(TomlText.ReadFile(full, display), display);
            var values = new TomlValues(display);
            foreach (var (registry, body) in values.Table(document, "registries") ?? new TomlTable())
            {
                if (body is TomlTable table && values.String(table, "index") is { } index)
                {
                    registries.TryAdd(registry, index);
                }
            }

            foreach (var (_, body) in values.Table(document, "source") ?? new TomlTable())
            {
                if (body is not TomlTable source)
                {
                    continue;
                }

                foreach (var key in new[] { "directory", "local-registry" })
                {
                    if (values.String(source, key) is { } directory)
                    {
                        // Config-relative paths are relative to the directory holding .cargo/.
                        vendored.Add(Path.GetFullPath(Path.Combine(repoRoot, directory)));
                    }
                }
            }
        }

        return new CargoConfig(registries, vendored);
    }
}
