namespace Prewarm.Core.Recipes.Cooking;

/// <summary>Removes what cooking compiled from the dummy sources of local packages, so the real
/// build compiles them from the real sources. Units are found through cargo's fingerprint
/// directories (<c>.fingerprint/&lt;package&gt;-&lt;hash&gt;</c>); every output carrying one of those
/// hashes goes with them. External packages' units are left alone: they are what cooking is for.</summary>
public static class DummyArtifacts
{
    /// <returns>The number of files and directories removed.</returns>
    public static int Remove(CookOptions options, IEnumerable<string> localPackages)
    {
        var names = localPackages.ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        // Build scripts and proc-macros live in the host directory even when cross-compiling.
        var profileDirectories = new List<string> { Path.Combine(options.TargetDirectory, options.Build.ProfileDirectory) };
        if (options.Build.Target is not null)
        {
            profileDirectories.Add(Path.Combine(options.TargetDirectory, options.Build.OutputDirectory));
        }

        foreach (var directory in profileDirectories.Where(Directory.Exists))
        {
            var fingerprints = Path.Combine(directory, ".fingerprint");
            if (!Directory.Exists(fingerprints))
            {
                continue;
            }

            var hashes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unit in Directory.EnumerateDirectories(fingerprints))
            {
                var (package, hash) = Split(Path.GetFileName(unit));
                if (package is not null && names.Contains(package))
                {
                    hashes.Add(hash!);
                    removed += Delete(unit);
                    removed += Delete(Path.Combine(directory, "build", Path.GetFileName(unit)));
                }
            }

            foreach (var folder in new[] { "deps", "examples" }.Select(f => Path.Combine(directory, f)).Where(Directory.Exists))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
                {
                    if (HashOf(Path.GetFileName(entry)) is { } hash && hashes.Contains(hash))
                    {
                        removed += Delete(entry);
                    }
                }
            }
        }

        return removed;
    }

    /// <summary><c>my-crate-0123456789abcdef</c> → (<c>my-crate</c>, <c>0123456789abcdef</c>).</summary>
    private static (string? Package, string? Hash) Split(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && IsHash(name[(dash + 1)..]) ? (name[..dash], name[(dash + 1)..]) : (null, null);
    }

    /// <summary>The hash in <c>libfoo-&lt;hash&gt;.rlib</c>, <c>foo-&lt;hash&gt;</c>, <c>foo-&lt;hash&gt;.d</c>.</summary>
    private static string? HashOf(string fileName)
    {
        var stem = fileName.Split('.')[0];
        var dash = stem.LastIndexOf('-');
        return dash > 0 && IsHash(stem[(dash + 1)..]) ? stem[(dash + 1)..] : null;
    }

    private static bool IsHash(string text) => text.Length == 16 && text.All(char.IsAsciiHexDigitLower);

    private static int Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            return 1;
        }

        if (File.Exists(path))
        {
            File.Delete(path);
            return 1;
        }

        return 0;
    }
}
