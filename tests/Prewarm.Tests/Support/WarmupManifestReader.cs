using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Tests.Support;

/// <summary>
/// The tests' own reading of a rendered warmup manifest, the check on what <c>warmup/tiers.json</c> records.
/// Reads which crates a warmup crate (<c>warmup/&lt;tier&gt;/Cargo.toml</c>) selected: the package names of its
/// <c>[dependencies]</c>, <c>[build-dependencies]</c> and <c>[target.*.dependencies]</c>
/// (a renamed dependency's <c>package = "…"</c> counts, not its key).
/// </summary>
internal static class WarmupManifestReader
{
    public static IReadOnlyList<string> SelectedCrates(string text, string path)
    {
        var model = TomlText.Parse(text, path);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        AddTables(model, names);
        if (model.TryGetValue("target", out var targets) && targets is TomlTable targetTable)
        {
            foreach (var (_, value) in targetTable)
            {
                if (value is TomlTable platform)
                {
                    AddTables(platform, names);
                }
            }
        }

        return names.ToArray();
    }

    private static void AddTables(TomlTable table, SortedSet<string> names)
    {
        foreach (var section in new[] { "dependencies", "build-dependencies" })
        {
            if (!table.TryGetValue(section, out var value) || value is not TomlTable dependencies)
            {
                continue;
            }

            foreach (var (key, spec) in dependencies)
            {
                // Path dependencies are not pre-warmed crates.
                if (spec is TomlTable detail && detail.ContainsKey("path"))
                {
                    continue;
                }

                names.Add(spec is TomlTable renamed && renamed.TryGetValue("package", out var package) && package is string real ? real : key);
            }
        }
    }
}
