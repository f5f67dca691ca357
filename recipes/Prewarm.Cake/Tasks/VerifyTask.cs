using Cake.Frosting;
using Prewarm.Cake.Docker;
using Prewarm.Cake.Verification;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Services;
using Prewarm.Core.Settings;
using Prewarm.Core.Verification;

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
        var local = new LocalBuild(context);
        var selected = WarmupSelection.Read(context.Layout.WarmupRoot);
        if (selected.Count == 0)
        {
            context.Log.Verbose("No warmup crates under {0}: verifying the repository's direct dependencies.", context.Layout.WarmupRoot);
        }

        var results = new List<RepositoryVerification>();
        foreach (var unit in context.Builds)
        {
            var (root, id) = (unit.Repository, unit.Id);
            RootManifest.Require(root);
            // Services that share no crate have no tiers; the workspace's direct dependencies (the fallback
            // before Recipe has run) would name other services' crates, which this service's tree lacks.
            var expected = unit.Service is not null && selected.Count == 0
                ? new ExpectedCrates([], "warmup/tiers.json (no crate every service builds: no tiers)")
                : ExpectedCrates.For(selected, ExpectedCrates.LockedVersions(root), () => local.Metadata(root));
            var built = BuilderImage.Read(context.Artifacts, id);
            var rendered = VerificationSubject.Rendered(context.Layout.DockerfileRecord(id));
            var cross = built is not null && rendered?.Cross == true;
            // Cross-compiled: every platform's image is read as that platform (one tag may carry several,
            // as buildx pushes them) and checked for the target it must have been compiled for.
            IReadOnlyList<BuilderImage?> images = built is null ? [(BuilderImage?)null]
                : cross ? [.. built.PerPlatform().SelectMany(i => i.Platform is null ? i.Recorded!.Platforms.Select(p => i with { Platform = p }) : [i])]
                : [.. built.PerPlatform()];
            foreach (var image in images)
            {
                var subject = image is null
                    ? VerificationSubject.Local(id, root)
                    : VerificationSubject.InBuilderImage(id, image.Image, image.Recorded, image.Platform,
                        cross ? CrossTarget.For(BuildPlatform.Parse(image.Platform!)).Triple : null);
                context.Log.Information("Verify {0}: {1}", id, subject.Description);
                var useSccache = image is null
                    ? settings.Shared.Sccache.UseLocally(installed: context.Tools.Resolve("sccache") is not null)
                    : settings.Shared.Sccache.ReadFromImage();
                var observed = image is null
                    ? local.Observe(root, settings.Cook.TargetDirectoryFor(root), LocalBuildIdentity(context, unit), useSccache)
                    : image.ReadBuildRecord(context, useSccache, rendered?.BuilderImage is not null);
                results.Add(subject.Verify(expected, observed, useSccache));
            }
        }

        var thresholds = new VerificationThresholds(settings.Verify.MinHitRate, settings.Verify.MinFreshShare, settings.Verify.MinBuilderShare);
        var report = new VerificationReport(thresholds, results);
        var markdown = Path.Combine(context.Layout.VerifyDirectory, "verify.md");
        foreach (var service in context.Builds.Where(unit => unit.Service is not null))
        {
            VerificationReportWriter.Write(new VerificationReport(thresholds, [.. results.Where(r => r.RepositoryId == service.Id)]), context.Layout.ServiceVerifyDirectory(service.Id));
            context.Log.Information("Wrote {0}", Path.Combine(context.Layout.ServiceVerifyDirectory(service.Id), "verify.md"));
        }

        VerificationReportWriter.Write(report, context.Layout.VerifyDirectory);
        context.Log.Information("Wrote {0}", markdown);
        results.ForEach(result => context.Log.Information("{0}", result.Summary));
        if (report.FailureMessage(markdown) is { } failure)
        {
            throw new PrewarmException(failure);
        }
    }

    /// <summary>The build a local Verify makes: the unit's identity, refused when Recipe recorded another one.</summary>
    private static BuildIdentity LocalBuildIdentity(PrewarmContext context, BuildUnit unit)
    {
        var manifest = context.Layout.RecipeManifest(unit.Id);
        return System.IO.File.Exists(manifest)
            ? RecipeStageManifest.Read(manifest).RequireBuild(unit.Build, manifest).Build
            : unit.Build;
    }
}
