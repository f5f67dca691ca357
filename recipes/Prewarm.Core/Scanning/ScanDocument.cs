using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>The content of <c>scan.json</c>: the full model of every scanned repository, in --repo order.</summary>
public sealed record ScanDocument
{
    public const string FileName = ArtifactsLayout.ScanFile;

    /// <summary>Bumped when the shape changes incompatibly, so readers can refuse an old file.</summary>
    public int FormatVersion { get; init; } = 1;

    public required IReadOnlyList<CargoRepository> Repositories { get; init; }

    /// <summary>The <c>--exclude</c> directories the scan left out; Recipe refuses a scan made with others.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Per repository, the manifests and lockfiles read and their hashes (absent when the
    /// repositories had no root on disk): what tells a later stage whether this file is stale.</summary>
    public IReadOnlyList<ScanInputs>? Inputs { get; init; }

    /// <summary>Reads <c>scan.json</c> back (for tasks run with <c>--exclusive</c>: after Scan in the same
    /// run, its result is on the context). Repository <see cref="CargoRepository.RootPath"/> and manifest
    /// texts are not stored and come back empty.</summary>
    public static ScanDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw StageArtifact.Missing(path, PipelineTasks.Scan);
        }

        try
        {
            var document = System.Text.Json.JsonSerializer.Deserialize<ScanDocument>(File.ReadAllText(path), ScanJson.Options)
                ?? throw new PrewarmException($"{path}: empty");
            return document.FormatVersion == 1
                ? document
                : throw StageArtifact.Stale(path, $"format version {document.FormatVersion} is not supported", PipelineTasks.Scan);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw StageArtifact.Stale(path, $"line {e.LineNumber + 1}: not a valid scan.json, {e.Message.Split('.')[0]}", PipelineTasks.Scan);
        }
    }
}
