using Cake.Frosting;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake.Tasks;

[TaskName("Scan")]
[TaskDescription("Scans every --repo for Cargo manifests and lockfiles; writes the dependency frequency report.")]
public sealed class ScanTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var exclude = context.Settings.Scan.Exclude;
        var repositories = RepositoryScanner.ScanAll(context.Settings.Shared.Repositories, exclude);
        var scan = new ScanResult(repositories, context.Warmup, WarmupPlanner.Decide(repositories, context.Warmup));
        var files = ScanArtifacts.Encode(repositories, scan.Warmup, scan.WarmupPlan, exclude);
        var artifacts = context.Artifacts.FullPath;
        // All four files or none: a failed scan must not leave a report that mixes two runs.
        AtomicFile.WriteAllBytes(files.Select(f => KeyValuePair.Create(Path.Combine(artifacts, f.Key), f.Value)));

        foreach (var repository in repositories)
        {
            context.Log.Information(
                "Scan: {0}: {1} package(s), {2} workspace(s), {3} lockfile(s)",
                repository.Id,
                repository.Packages.Count,
                repository.Workspaces.Count,
                repository.Lockfiles.Count);
        }

        context.Scanned = scan;
        context.Log.Information("Scan: wrote {0} and {1} in {2}", ScanDocument.FileName, "dependency-frequency.{txt,json,md}", artifacts);
    }
}
