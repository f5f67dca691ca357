using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Toml;
using Tomlyn.Model;

namespace Prewarm.Core.Scanning;

/// <summary>The manifests one scan has read, by repository-relative path in path order, so each is read
/// once; and the directories the walk listed, which answer most "is there a file" questions.</summary>
internal sealed class LoadedManifests
{
    private readonly string _root;
    private readonly CargoConfig _config;
    private readonly SortedDictionary<string, (CargoManifest Manifest, TomlTable Document)> _manifests = new(StringComparer.Ordinal);

    public LoadedManifests(string root, CargoConfig config)
    {
        _root = root;
        _config = config;
        Exists = ManifestExists;
    }

    /// <summary>The directories the walk listed.</summary>
    public ListedDirectories Listings { get; set; } = new();

    /// <summary><see cref="ManifestExists"/> as one delegate for the scan, not one per path dependency checked.</summary>
    public Func<string, bool> Exists { get; }

    /// <summary>The repository's absolute root.</summary>
    public string Root => _root;

    public int Count => _manifests.Count;

    /// <summary>The manifests read, in path order.</summary>
    public IEnumerable<CargoManifest> Manifests => _manifests.Values.Select(m => m.Manifest);

    /// <summary>The tables the manifests read were parsed into, handed on with the scan's result.</summary>
    public ManifestDocuments Documents() => new(_manifests.Select(m => KeyValuePair.Create(m.Key, m.Value.Document)));

    /// <summary>The manifest read at <paramref name="path"/>; it must have been read.</summary>
    public (CargoManifest Manifest, TomlTable Document) this[string path] => _manifests[path];

    /// <summary>A copy of what has been read, in path order: the caller may add or remove meanwhile.</summary>
    public List<KeyValuePair<string, (CargoManifest Manifest, TomlTable Document)>> Snapshot() => _manifests.ToList();

    /// <summary>The workspace roots read so far, in path order.</summary>
    public List<string> WorkspaceRoots() => _manifests.Where(m => m.Value.Manifest.HasWorkspace).Select(m => m.Key).ToList();

    public bool Contains(string path) => _manifests.ContainsKey(path);

    public bool TryGet(string path, out (CargoManifest Manifest, TomlTable Document) loaded) => _manifests.TryGetValue(path, out loaded);

    public void Add(string path, (CargoManifest Manifest, TomlTable Document) loaded) => _manifests[path] = loaded;

    public void Remove(string path) => _manifests.Remove(path);

    /// <summary>Whether the manifest at the repository-relative <paramref name="path"/> exists: one this
    /// scan has read does; for the others the walk's listings, then the disk, answer.</summary>
    public bool ManifestExists(string path) => _manifests.ContainsKey(path) || Listings.FileExists(Full(path));

    /// <summary>The manifest at <paramref name="path"/>, read now unless it was read before.</summary>
    public (CargoManifest Manifest, TomlTable Document) Load(string path)
    {
        if (_manifests.TryGetValue(path, out var loaded))
        {
            return loaded;
        }

        loaded = Read(path);
        _manifests[path] = loaded;
        return loaded;
    }

    /// <summary><see cref="Read"/> for a parallel loop: the exception is returned, to be thrown in order.</summary>
    public ((CargoManifest Manifest, TomlTable Document) Loaded, Exception? Error) TryRead(string path)
    {
        try
        {
            return (Read(path), null);
        }
        catch (Exception e)
        {
            return (default, e);
        }
    }

    /// <summary>Refuses a path dependency of the manifest at <paramref name="manifestPath"/> that names no package cargo could load.</summary>
    public void RequirePathDependency(string manifestPath, TomlTable document, CargoDependency dependency)
    {
        // The usual path dependency passes; the closure naming its position is made only for one that does not.
        if (dependency.Path is { } directory && !DependencyReader.PathIsUsable(directory, Exists))
        {
            DependencyReader.RequirePath(_root, () => DependencyAt(manifestPath, document, dependency.KeyName, dependency.Kind), dependency.KeyName, directory, Exists);
        }
    }

    /// <summary><c>file:line:column</c> of the dependency's key in any dependency table of the manifest, or the file alone.</summary>
    public static string DependencyAt(string manifestPath, TomlTable document, string key, DependencyKind? kind = null)
    {
        var tables = kind switch
        {
            DependencyKind.Normal => ["dependencies"],
            DependencyKind.Build => ["build-dependencies", "build_dependencies"],
            DependencyKind.Development => ["dev-dependencies", "dev_dependencies"],
            _ => new[] { "dependencies", "build-dependencies", "build_dependencies", "dev-dependencies", "dev_dependencies" },
        };
        // `target.….dependencies.x` as well as `dependencies.x`; the earliest in the file when several match.
        var found = TomlText.Positions(document, p => tables.Any(t => p.Path == $"{t}.{key}" || p.Path.EndsWith($".{t}.{key}", StringComparison.Ordinal)))
            .OrderBy(p => p.At)
            .Select(p => ((int Line, int Column)?)p.At)
            .FirstOrDefault();
        return found is var (line, column) ? $"{manifestPath}:{line}:{column}" : manifestPath;
    }

    /// <summary>A dependency reader for the manifest at <paramref name="manifestPath"/>.</summary>
    public DependencyReader Reader(string manifestPath) => new(new TomlValues(manifestPath), _root, _config.Registries);

    /// <summary>The absolute path of a repository-relative one.</summary>
    public string Full(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Reads and parses one manifest; touches no state of the scan, so it may run on any thread.</summary>
    private (CargoManifest Manifest, TomlTable Document) Read(string path)
    {
        var text = TomlText.ReadFile(Full(path), path);
        var document = TomlText.Parse(text, path);
        var manifest = new CargoManifest
        {
            Path = path,
            Text = text,
            HasPackage = document.ContainsKey("package") || document.ContainsKey("project"),
            HasWorkspace = document.ContainsKey("workspace"),
        };
        if (!manifest.HasPackage && !manifest.HasWorkspace)
        {
            throw new CargoManifestException(path, "manifest has neither `[package]` nor `[workspace]`");
        }

        return (manifest, document);
    }
}
