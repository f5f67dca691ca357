using System.Text;
using System.Text.Json;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>A <see cref="WorkspaceGenerator"/> repository written to disk and locked by real cargo.</summary>
internal static class GeneratedRepository
{
    /// <summary>Writes the repository of <paramref name="seed"/> to <paramref name="root"/> and runs
    /// <c>cargo generate-lockfile</c> in every workspace cargo sees there.</summary>
    public static async Task<GeneratedWorkspace> CreateAsync(int seed, string root)
    {
        var files = WorkspaceGenerator.Generate(seed);
        Write(root, files);
        var manifests = files.Where(f => f.Key == "Cargo.toml" || f.Key.EndsWith("/Cargo.toml", StringComparison.Ordinal)).ToList();
        var roots = await WorkspaceRootsAsync(root, manifests.Select(f => f.Key));
        foreach (var manifest in roots)
        {
            await CargoMetadata.RunAsync(root, "generate-lockfile", "--offline", "--manifest-path", Path.Combine(root, manifest));
        }

        return new GeneratedWorkspace(roots, $"seed {seed}:\n" + string.Join("\n", manifests.Select(f => $"--- {f.Key}\n{f.Value}")));
    }

    /// <summary>The distinct workspace roots cargo itself locates for the manifests.</summary>
    public static async Task<IReadOnlyList<string>> WorkspaceRootsAsync(string root, IEnumerable<string> manifests)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var output = await CargoMetadata.RunAsync(root, "locate-project", "--workspace", "--offline", "--manifest-path", Path.Combine(root, manifest));
            using var located = JsonDocument.Parse(output);
            var path = located.RootElement.GetProperty("root").GetString()!;
            roots.Add(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return roots.ToList();
    }

    /// <summary>Writes files given as bytes (a skeleton with a patched package's binary files).</summary>
    public static void Write(string root, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }
    }

    public static void Write(string root, IEnumerable<KeyValuePair<string, string>> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, new UTF8Encoding(false));
        }
    }
}
