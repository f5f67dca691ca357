using System.Collections.Concurrent;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Cargo;

/// <summary>The tables the scan parsed a repository's manifests into, by manifest path, for the stage that
/// edits a manifest (Recipe's skeleton normalises one in place): a 1,500-package workspace then parses each
/// manifest once, not once per stage (BENCHMARKS.md "Scale"). A table is given out once, as it is edited;
/// after that, and for a repository read from scan.json (which has none), the manifest's text is parsed again.</summary>
public sealed class ManifestDocuments
{
    // Taken from by the skeleton's parallel normalisation.
    private readonly ConcurrentDictionary<string, TomlTable> _unclaimed;

    /// <summary>None: every table is parsed when asked for.</summary>
    public ManifestDocuments()
        : this([])
    {
    }

    public ManifestDocuments(IEnumerable<KeyValuePair<string, TomlTable>> parsedByPath) =>
        _unclaimed = new ConcurrentDictionary<string, TomlTable>(parsedByPath, StringComparer.Ordinal);

    /// <summary>A table of <paramref name="manifest"/> no one else holds, free to edit: the scan's the first
    /// time it is asked for, a fresh parse of its text after (no two calls return the same table).</summary>
    public TomlTable ToEdit(CargoManifest manifest) =>
        _unclaimed.TryRemove(manifest.Path, out var table) ? table : TomlText.ParseValid(manifest.Text);
}
