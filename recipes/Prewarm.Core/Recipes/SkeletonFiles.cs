using Prewarm.Core.Cargo;

namespace Prewarm.Core.Recipes;

/// <summary>The materialised skeleton: every file a Dockerfile <c>COPY</c>s (or cook builds), by
/// '/'-separated path relative to the skeleton root. Refuses any path that would leave the root.</summary>
public static class SkeletonFiles
{
    /// <summary>Every file of the skeleton as bytes: <see cref="Materialize"/>'s text (UTF-8) and the
    /// patched packages' binary files.</summary>
    public static SortedDictionary<string, byte[]> MaterializeBytes(Recipe recipe)
    {
        // GetBytes writes no byte-order mark.
        var files = new SortedDictionary<string, byte[]>(
            Materialize(recipe).ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);
        foreach (var (path, base64) in recipe.PatchedBinaries)
        {
            files[Checked(path, "recipe.json")] = Convert.FromBase64String(base64);
        }

        return files;
    }

    /// <summary>The skeleton's text files (all but the patched packages' binary ones).</summary>
    public static SortedDictionary<string, string> Materialize(Recipe recipe)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // A set, not a scan of the list per target: a large workspace has thousands of targets.
        var manifestPaths = recipe.Manifests.Select(m => m.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var manifest in recipe.Manifests)
        {
            Put(files, manifest.RelativePath, manifest.Contents);
            var directory = ManifestPaths.DirectoryOf(manifest.RelativePath);
            foreach (var target in manifest.Targets)
            {
                var path = Checked(ManifestPaths.Combine(directory, target.Path), manifest.RelativePath);
                var content = DummySources.For(target);
                if (manifestPaths.Contains(path))
                {
                    throw new PrewarmException($"{manifest.RelativePath}: target {target.Name} has the path of a manifest ({path})");
                }

                files[path] = files.TryGetValue(path, out var existing) ? DummySources.Merge(existing, content) : content;
            }
        }

        // Real sources of patched packages replace their dummies.
        foreach (var (path, text) in recipe.PatchedSources)
        {
            files[Checked(path, "recipe.json")] = text;
        }

        if (recipe.LockFile is { } lockFile)
        {
            Put(files, "Cargo.lock", lockFile);
        }

        foreach (var (path, text) in recipe.NestedLockFiles)
        {
            Put(files, path, text);
        }

        foreach (var (path, text) in recipe.NestedConfigFiles)
        {
            Put(files, path, text);
        }

        if (recipe.ConfigFile is { } config)
        {
            Put(files, ".cargo/config.toml", config);
        }

        if (recipe.RustToolchainFile is { } toolchain)
        {
            Put(files, toolchain.FileName, toolchain.Contents);
        }

        return files;
    }

    /// <summary>Normalises a skeleton path and throws when it is absolute or climbs out of the root
    /// (a manifest saying <c>path = "../../etc/x.rs"</c> must not make us write there).</summary>
    public static string Checked(string relativePath, string origin)
    {
        var normalized = ManifestPaths.Normalize(relativePath.Replace('\\', '/'));
        if (normalized.Length == 0 || Path.IsPathRooted(relativePath) || normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal) || normalized.Contains(':'))
        {
            throw new PrewarmException($"{origin}: path '{relativePath}' lies outside the skeleton; refusing to write it");
        }

        return normalized;
    }

    private static void Put(SortedDictionary<string, string> files, string path, string content) =>
        files[Checked(path, path)] = content;
}
