using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.Toml;

namespace Prewarm.Core.Scanning;

/// <summary>
/// Gives the stages after Scan the repositories Scan wrote to <c>scan.json</c> instead of scanning
/// again: the file must name the same repositories and <c>--exclude</c> directories, and every
/// manifest and lockfile it read must still hash the same, else it is stale and Scan must run again.
/// The manifests' texts, which scan.json leaves out, are read back from the repositories. Only a stage
/// run without Scan before it (<c>--exclusive</c>) reads the file: after Scan, its result is on the context.
/// </summary>
public static class ScanReader
{
    /// <param name="path">scan.json.</param>
    /// <param name="roots">The repository roots, in <c>--repo</c> order.</param>
    /// <param name="exclude">The <c>--exclude</c> directories in force now.</param>
    public static IReadOnlyList<CargoRepository> Load(string path, IReadOnlyList<string> roots, IReadOnlyList<string> exclude)
    {
        var document = ScanDocument.Read(path);
        var ids = RepositoryIds.Assign(roots);
        var scanned = document.Repositories.Select(r => r.Id).ToList();
        if (!scanned.SequenceEqual(ids, StringComparer.Ordinal))
        {
            throw Stale(path, $"it holds [{string.Join(", ", scanned)}], this run works on [{string.Join(", ", ids)}]");
        }

        if (document.Inputs is null || document.Exclude is null)
        {
            throw Stale(path, "written without the hashes of its inputs");
        }

        if (!document.Exclude.SequenceEqual(exclude, StringComparer.Ordinal))
        {
            throw Stale(path, $"scanned with --exclude [{string.Join(", ", document.Exclude)}], this run has [{string.Join(", ", exclude)}]");
        }

        var result = new List<CargoRepository>();
        for (var i = 0; i < roots.Count; i++)
        {
            var root = Path.GetFullPath(roots[i]);
            var repository = document.Repositories[i];
            var inputs = document.Inputs.FirstOrDefault(x => x.Id == repository.Id)
                ?? throw Stale(path, $"no input hashes for {repository.Id}");
            // Each file is read once: the text whose hash is checked is the text handed on.
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in inputs.Files)
            {
                var full = Path.Combine(root, file.Path);
                if (!File.Exists(full))
                {
                    throw Stale(path, $"{full} is gone since the scan");
                }

                var text = TomlText.ReadFile(full, full);
                if (ScannedFile.HashOfText(text) != file.Sha256)
                {
                    throw Stale(path, $"{full} changed since the scan");
                }

                texts[file.Path] = text;
            }

            result.Add(repository with
            {
                RootPath = root,
                Manifests = [.. repository.Manifests.Select(m => m with { Text = texts.TryGetValue(m.Path, out var text) ? text : TomlText.ReadFile(Path.Combine(root, m.Path), m.Path) })],
            });
        }

        return result;
    }

    private static PrewarmException Stale(string path, string why) => StageArtifact.Stale(path, why, PipelineTasks.Scan);
}
