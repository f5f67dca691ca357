using Prewarm.Core.IO;

namespace Prewarm.Core.Cargo;

/// <summary>File lookups inside one package directory, answering in repository-relative paths.</summary>
internal sealed class PackageFiles(string repoRoot, string packageDirectory)
{
    public bool Exists(string packageRelative) => File.Exists(Full(packageRelative));

    public string Relative(string packageRelative) =>
        ManifestPaths.Normalize(ManifestPaths.Combine(packageDirectory, packageRelative.Replace('\\', '/')));

    /// <summary>Cargo's inference inside a target folder: <c>name.rs</c> files and <c>name/main.rs</c>
    /// directories, sorted by name.</summary>
    public IEnumerable<(string Name, string Path)> Inferred(string folder)
    {
        var full = Full(folder);
        if (!Directory.Exists(full))
        {
            return [];
        }

        var found = new List<(string Name, string Path)>();
        foreach (var entry in DirectoryListing.Entries(full))
        {
            var name = System.IO.Path.GetFileName(entry);
            if (File.Exists(entry) && name.EndsWith(".rs", StringComparison.Ordinal))
            {
                found.Add((name[..^3], $"{folder}/{name}"));
            }
            else if (Directory.Exists(entry) && File.Exists(System.IO.Path.Combine(entry, "main.rs")))
            {
                found.Add((name, $"{folder}/{name}/main.rs"));
            }
        }

        return found.OrderBy(f => f.Name, StringComparer.Ordinal);
    }

    private string Full(string packageRelative) =>
        System.IO.Path.Combine(repoRoot, Relative(packageRelative).Replace('/', System.IO.Path.DirectorySeparatorChar));
}
