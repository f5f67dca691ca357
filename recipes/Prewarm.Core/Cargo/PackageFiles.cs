using Prewarm.Core.IO;

namespace Prewarm.Core.Cargo;

/// <summary>File lookups inside one package directory, answering in repository-relative paths; from
/// the scan's directory listings where they settle the question (<paramref name="listings"/>), else on disk.</summary>
internal sealed class PackageFiles(string repoRoot, string packageDirectory, ListedDirectories? listings = null)
{
    private readonly ListedDirectories _listings = listings ?? ListedDirectories.None;

    public bool Exists(string packageRelative) => FileExists(Full(packageRelative));

    public string Relative(string packageRelative) =>
        ManifestPaths.Normalize(ManifestPaths.Combine(packageDirectory, packageRelative.Replace('\\', '/')));

    /// <summary>Cargo's inference inside a target folder: <c>name.rs</c> files and <c>name/main.rs</c>
    /// directories, sorted by name.</summary>
    public IEnumerable<(string Name, string Path)> Inferred(string folder)
    {
        var full = Full(folder);
        if (!DirectoryExists(full))
        {
            return [];
        }

        var found = new List<(string Name, string Path)>();
        // From the walk's listing when it read this folder (whether an entry is a directory comes with it).
        var entries = _listings.Entries(full)?.Select(e => (e.FullPath, (bool?)e.IsDirectory))
            ?? DirectoryListing.Entries(full).Select(e => (e, (bool?)null));
        foreach (var (entry, isDirectory) in entries)
        {
            var name = System.IO.Path.GetFileName(entry);
            // The name first: only a `.rs` entry needs asking whether it is a file.
            if (name.EndsWith(".rs", StringComparison.Ordinal) && FileExists(entry))
            {
                found.Add((name[..^3], $"{folder}/{name}"));
            }
            else if ((isDirectory ?? Directory.Exists(entry)) && FileExists(System.IO.Path.Combine(entry, "main.rs")))
            {
                found.Add((name, $"{folder}/{name}/main.rs"));
            }
        }

        return found.OrderBy(f => f.Name, StringComparer.Ordinal);
    }

    private bool FileExists(string full) => _listings.FileExists(full);

    private bool DirectoryExists(string full) => _listings.DirectoryExists(full);

    private string Full(string packageRelative) =>
        System.IO.Path.Combine(repoRoot, System.IO.Path.DirectorySeparatorChar == '/' ? Relative(packageRelative) : Relative(packageRelative).Replace('/', System.IO.Path.DirectorySeparatorChar));
}
