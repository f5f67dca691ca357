using Cake.Frosting;
using Prewarm.Cake.Docker;
using Prewarm.Core.IO;
using Prewarm.Core.Recipes;
using Prewarm.Core.Settings;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake.Tasks;

[TaskName("Dockerfile")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Renders the builder Dockerfile with BuildKit cache mounts from templates/.")]
public sealed class DockerfileTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var renderer = new DockerfileRenderer(context.Settings.Docker.TemplateSet());
        var files = new List<KeyValuePair<string, string>>();
        foreach (var (id, build) in context.Builds.Select(unit => (unit.Id, unit.Build)))
        {
            var paths = new ArtifactPaths(context.Artifacts.FullPath, id);
            paths.RequireSkeleton();
            // What Recipe wrote, as it recorded it: the image builds the recipe's build and the tiers tiers.json lists.
            var recipe = RecipeStageManifest.Read(paths.RecipeManifest).RequireBuild(build, paths.RecipeManifest);
            var read = context.Settings.Docker.Rendering(id);
            // FROM a builder image (named, or built in this run), whose layers carry the tiers.
            var builder = read.BuilderImage ?? context.BuiltBuilderImage;
            var tiers = builder is null ? WarmupTierList.Read(paths.WarmupRoot) : [];
            var options = read with
            {
                BuilderImage = builder,
                Tiers = tiers,
                // A tier's Cargo.lock is assembled from the scanned lockfiles: it pins every version
                // cargo keeps, but may carry entries other builds' features pulled in (shop's tokio
                // locks mio, bytes …), which cargo drops. So no tier is built --locked (seen: the top
                // tier of two repositories refused), and the skeleton, cargo's own lockfile, is.
                LockedTiers = [],
                SkeletonLocked = recipe.SkeletonLockfile,
                CargoConfig = recipe.CargoConfig,
                RealSourceDirectories = recipe.PatchedDirectories,
                Build = recipe.Build,
                Sccache = context.Settings.Shared.Sccache.UseInImage(),
            };
            files.Add(new(paths.Dockerfile, renderer.Render(options)));
            files.Add(new(paths.DockerfileRecord, StageJson.Serialize(DockerfileRecord.From(options))));
            context.Log.Information("Dockerfile for {0}: {1}, uid:gid {2}:{3}, layout {4}, dependencies in {5}, tiers [{6}]{7}{8} -> {9}",
                id, builder is null ? $"base {options.BaseImage}" : $"FROM the builder image {builder}", options.Uid, options.Gid, CargoLayoutPaths.Spell(options.Layout),
                options.DependencyStorage == DependencyStorage.Image ? "the image's layers" : "cache mounts",
                string.Join(", ", tiers), options.Sccache ? ", sccache" : string.Empty, options.Cross ? ", cross-compiled on the build platform" : string.Empty, paths.Dockerfile);
        }

        AtomicFile.WriteAll(files);
    }
}
