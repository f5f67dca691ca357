using System.Text.Json;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Cake.Docker;
using Prewarm.Cake.Support;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Docker;
using Prewarm.Core.Verification;
using Prewarm.Core.Settings;
using Prewarm.Frosting;
using RepositoryIds = Prewarm.Cake.Support.RepositoryIds;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Proves the warm-up worked, per repository: every selected crate is in <c>cargo tree</c> at its locked
/// version, a build reuses (fresh) the dependency units, and sccache answers from its cache.
/// Arguments: <c>--min-hit-rate=80</c>, <c>--min-fresh-share=95</c>, <c>--sccache=on|off</c>,
/// <c>--rust-target=TRIPLE</c>. Writes <c>verify/verify.json</c> and <c>verify/verify.md</c>.
/// </summary>
[TaskName("Verify")]
[IsDependentOn(typeof(ImageTask))]
[TaskDescription("Proves the warmed crates are there: cargo tree, sccache hit rate, share of fresh dependency units.")]
public sealed class VerifyTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var settings = context.Settings;
        var thresholds = new VerificationThresholds(settings.Verify.MinHitRate, settings.Verify.MinFreshShare, settings.Verify.MinBuilderShare);
        var sccacheMode = settings.Shared.Sccache;
        var rustTarget = settings.Shared.Build.RustTarget;
        var cargo = CargoTool.For(context);
        var selected = SelectedCrates(context);

        var results = new List<RepositoryVerification>();
        foreach (var (repository, id) in RepositoryIds.Assign(context.Repositories))
        {
            var manifest = repository.CombineWithFilePath("Cargo.toml");
            if (!context.FileSystem.Exist(manifest))
            {
                throw new PrewarmException($"{manifest.FullPath}: not found; --repo must name a Cargo workspace or package directory");
            }

            var locked = LockedVersions(repository);
            var (expected, expectedFrom) = Expected(context, cargo, repository, manifest, selected, locked);
            var built = BuilderImage.Read(context.Artifacts, id);
            var cross = built is not null && Rendered(context, id)?.Cross == true;
            // Cross-compiled: every platform's image is read as that platform (one tag may carry several,
            // as buildx pushes them) and checked for the target it must have been compiled for.
            IReadOnlyList<BuilderImage?> images = built is null ? [(BuilderImage?)null]
                : cross ? [.. built.PerPlatform().SelectMany(i => i.Platform is null ? i.Recorded!.Platforms.Select(p => i with { Platform = p }) : [i])]
                : [.. built.PerPlatform()];
            foreach (var image in images)
            {
                context.Log.Information("Verify {0}: {1}", id, image is null ? $"locally in {repository.FullPath}" : $"in the builder image {image.Image}");
                var useSccache = image is null
                    ? sccacheMode.UseLocally(installed: context.Tools.Resolve("sccache") is not null)
                    : sccacheMode.ReadFromImage();
                var observed = image is null
                    ? VerifyLocally(context, cargo, repository, manifest, rustTarget, useSccache)
                    : image.ReadBuildRecord(context, useSccache, FromBuilder(context, id));
                var crates = CrateCheck.Compare(expected, observed.Tree);
                var where = image is null ? "locally" : $"in the builder image {image.Image} (recorded by its last build)";
                // An image rendered without --sccache records no statistics: say so rather than blame the switch.
                var notChecked = useSccache && image is not null
                    ? $"{image.Image} was built without sccache; render its Dockerfile with --sccache=on to measure it"
                    : RepositoryVerification.SccacheSwitchedOff;
                results.Add(new RepositoryVerification(id, where, expectedFrom, crates, UnitFreshness.From(observed.Artifacts), observed.Sccache, notChecked,
                    SccacheGated: image is null, Image: image?.Recorded, Platform: image?.Platform, Supply: observed.Supply,
                    Target: cross ? CompiledTarget.From(CrossTarget.For(BuildPlatform.Parse(image!.Platform!)).Triple, observed.Artifacts) : null));
            }
        }

        var report = new VerificationReport(thresholds, results);
        var directory = new DirectoryPath(context.Layout.VerifyDirectory);
        VerificationReportWriter.Write(report, directory.FullPath);
        context.Log.Information("Wrote {0}", directory.CombineWithFilePath("verify.md").FullPath);
        foreach (var repository in results)
        {
            var f = repository.Freshness;
            context.Log.Information(
                "{0}: crates {1}/{2} present; dependency units fresh {3}/{4}; sccache hit rate {5}",
                repository.Label,
                repository.Crates.Count(c => c.Status == CrateStatus.Present),
                repository.Crates.Count,
                f.FreshDependencyUnits,
                f.DependencyUnits,
                repository.Sccache is null ? $"not checked ({repository.SccacheNotChecked})" : repository.Sccache.HitRatePercent is { } rate ? $"{rate:0.0}%" : "n/a (nothing compiled)");
        }

        var failures = report.Failures;
        if (failures.Count > 0)
        {
            var more = failures.Count > 1 ? $" (+{failures.Count - 1} more, see {directory.CombineWithFilePath("verify.md").FullPath})" : string.Empty;
            throw new PrewarmException($"Verify failed: {failures[0]}{more}");
        }
    }

    /// <summary>The repository's Dockerfile was rendered FROM an organisation builder image.</summary>
    private static bool FromBuilder(PrewarmContext context, string id) => Rendered(context, id)?.BuilderImage is not null;

    /// <summary>What the Dockerfile task rendered for the repository, if it ran.</summary>
    private static DockerfileRecord? Rendered(PrewarmContext context, string id)
    {
        var record = new ArtifactPaths(context.Artifacts.FullPath, id).DockerfileRecord;
        return File.Exists(record) ? StageJson.Read<DockerfileRecord>(record, "Dockerfile") : null;
    }

    /// <summary>Builds and inspects the repository on this machine: cargo tree, a JSON build, sccache statistics.</summary>
    private static BuildObservation VerifyLocally(PrewarmContext context, CargoTool cargo, DirectoryPath repository, FilePath manifest, string? rustTarget, bool useSccache)
    {
        if (useSccache && context.Tools.Resolve("sccache") is null)
        {
            throw new PrewarmException("sccache not found on PATH; install it (apt-get install sccache) or pass --sccache=off");
        }

        var treeSettings = new CargoTreeSettings { ManifestPath = manifest, Workspace = true, Target = rustTarget, WorkingDirectory = repository };
        treeSettings.Edges.Add("normal");
        treeSettings.Edges.Add("build");
        var tree = CargoTreeParser.Parse(cargo.Tree(treeSettings), "cargo tree");

        var sccache = SccacheTool.For(context);
        if (useSccache)
        {
            sccache.ZeroStats(new SccacheServerSettings());
        }

        var build = new CargoBuildSettings
        {
            ManifestPath = manifest,
            Workspace = true,
            Target = rustTarget,
            MessageFormat = "json",
            WorkingDirectory = repository,
            RustcWrapper = useSccache ? "sccache" : null,
        };
        var artifacts = CargoMessageParser.ParseArtifacts(cargo.Build(build).StandardOutput, "cargo build --message-format=json");
        var stats = useSccache ? sccache.ReadStats(new SccacheShowStatsSettings()) : null;
        return new BuildObservation(tree, artifacts, stats);
    }

    /// <summary>Crates the Recipe stage selected: the warmup crates' dependencies (tier → names); empty when Recipe has not run.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> SelectedCrates(PrewarmContext context)
    {
        var warmup = new DirectoryPath(context.Layout.WarmupRoot);
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(warmup.FullPath))
        {
            return result;
        }

        foreach (var tier in Directory.GetDirectories(warmup.FullPath).Order(StringComparer.Ordinal))
        {
            var manifest = System.IO.Path.Combine(tier, "Cargo.toml");
            if (File.Exists(manifest))
            {
                result[System.IO.Path.GetFileName(tier)] = WarmupManifestReader.SelectedCrates(File.ReadAllText(manifest), manifest);
            }
        }

        return result;
    }

    private static ILookup<string, string> LockedVersions(DirectoryPath repository)
    {
        var lockPath = repository.CombineWithFilePath("Cargo.lock").FullPath;
        var packages = File.Exists(lockPath) ? LockfileParser.Parse(File.ReadAllText(lockPath), lockPath).Packages : [];
        return packages.Where(p => p.Source is not null).ToLookup(p => p.Name, p => p.Version, StringComparer.Ordinal);
    }

    private static (IReadOnlyList<ExpectedCrate> Crates, string From) Expected(
        PrewarmContext context,
        CargoTool cargo,
        DirectoryPath repository,
        FilePath manifest,
        IReadOnlyDictionary<string, IReadOnlyList<string>> selected,
        ILookup<string, string> locked)
    {
        if (selected.Count > 0)
        {
            // Tiers are shared by every repository: only the selected crates this one locks concern it.
            // A selected crate may be transitive, so the whole tree is searched.
            var crates = selected.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal)
                .Where(locked.Contains)
                .Select(name => new ExpectedCrate(name, Single(locked[name])))
                .ToArray();
            return (crates, $"warmup/{{{string.Join(",", selected.Keys)}}}/Cargo.toml (crates this repository's Cargo.lock contains)");
        }

        context.Log.Verbose("No warmup crates under {0}: verifying the repository's direct dependencies.", context.Layout.WarmupRoot);
        var metadata = cargo.Metadata(new CargoMetadataSettings { ManifestPath = manifest, NoDependencies = true, WorkingDirectory = repository });
        var direct = CargoMetadataReader.DirectExternalDependencies(metadata, "cargo metadata --no-deps")
            .Select(name => new ExpectedCrate(name, locked.Contains(name) ? Single(locked[name]) : null))
            .ToArray();
        return (direct, "the workspace's direct registry/git dependencies (cargo metadata), versions from Cargo.lock");
    }

    // Two locked versions of one crate: either may be the one a member uses directly, so accept any.
    private static string? Single(IEnumerable<string> versions)
    {
        var distinct = versions.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 1 ? distinct[0] : null;
    }
}
