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
        var usesGit = files.Values.Any(f => f.Contains(WorkspaceGenerator.GitItoaUrl, StringComparison.Ordinal));
        if (usesGit)
        {
            var url = await CreateGitItoaAsync(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root))!, "git-itoa"));
            files = new SortedDictionary<string, string>(files.ToDictionary(f => f.Key, f => f.Value.Replace(WorkspaceGenerator.GitItoaUrl, url, StringComparison.Ordinal)), StringComparer.Ordinal);
        }

        Write(root, files);
        var manifests = files.Where(f => f.Key == "Cargo.toml" || f.Key.EndsWith("/Cargo.toml", StringComparison.Ordinal)).ToList();
        var roots = await WorkspaceRootsAsync(root, manifests.Select(f => f.Key));
        foreach (var manifest in roots)
        {
            // A git dependency is fetched once (from a local repository); everything after works offline.
            string[] mode = usesGit ? ["--config", "net.offline=false"] : ["--offline"];
            await CargoMetadata.RunAsync(Path.Combine(root, Path.GetDirectoryName(manifest) ?? ""), ["generate-lockfile", .. mode, "--manifest-path", Path.Combine(root, manifest)]);
        }

        return new GeneratedWorkspace(roots, $"seed {seed}:\n" + string.Join("\n", manifests.Select(f => $"--- {f.Key}\n{f.Value}")));
    }

    /// <summary>The distinct workspace roots cargo itself locates for the manifests.</summary>
    public static async Task<IReadOnlyList<string>> WorkspaceRootsAsync(string root, IEnumerable<string> manifests)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            // A [patch] directory inside the workspace that is no member has no workspace cargo would name.
            if (manifest.StartsWith("vendor/", StringComparison.Ordinal) && !await IsLocatableAsync(root, manifest))
            {
                continue;
            }

            var output = await CargoMetadata.RunAsync(root, "locate-project", "--workspace", "--offline", "--manifest-path", Path.Combine(root, manifest));
            using var located = JsonDocument.Parse(output);
            var path = located.RootElement.GetProperty("root").GetString()!;
            roots.Add(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return roots.ToList();
    }

    private static async Task<bool> IsLocatableAsync(string root, string manifest)
    {
        try
        {
            await CargoMetadata.RunAsync(root, "locate-project", "--workspace", "--offline", "--manifest-path", Path.Combine(root, manifest));
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A git repository (branch main) holding itoa 1.0.1 with the offline registry's sources;
    /// returns its <c>file://</c> URL.</summary>
    private static async Task<string> CreateGitItoaAsync(string directory)
    {
        const string Registry = "/usr/share/cargo/registry/itoa-1.0.1";
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Cargo.toml"), "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\nedition = \"2018\"\n");
        foreach (var file in Directory.GetFiles(Path.Combine(Registry, "src"), "*.rs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(Registry, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var args in new[] { "init -q -b main", "add -A", "-c user.email=t@example.invalid -c user.name=t commit -qm itoa" })
        {
            await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(CliWrap.Cli.Wrap("git").WithArguments(args).WithWorkingDirectory(directory));
        }

        return new Uri(directory).AbsoluteUri;
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
