using Cake.Core.Diagnostics;
using Prewarm.Cake.Docker;
using Prewarm.Core.Docker;
using Prewarm.Core.IO;
using Prewarm.Core.Recipes;
using Prewarm.Cake.Support;
using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

[TaskName("Dockerfile")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Renders the builder Dockerfile with BuildKit cache mounts from templates/.")]
public sealed class DockerfileTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var renderer = new DockerfileRenderer(DockerfileArguments.Templates(context));
        var ids = RepositoryIds.Assign(context.Repositories.Select(r => r.FullPath));
        var files = new List<KeyValuePair<string, string>>();
        foreach (var id in ids)
        {
            var paths = new ArtifactPaths(context.Artifacts.FullPath, id);
            paths.RequireSkeleton();
            var read = DockerfileArguments.Read(context, id);
            // FROM a builder image (named, or built in this run), whose layers carry the tiers.
            var builder = read.BuilderImage ?? context.BuiltBuilderImage;
            var tiers = builder is null ? WarmupTiers.Present(paths.WarmupRoot) : [];
            var options = read with
            {
                BuilderImage = builder,
                Tiers = tiers,
                // Only the top tier's Cargo.lock is exactly what cargo writes (the lower tiers' locks
                // carry entries that higher tiers' features pulled in), so only it is built --locked.
                LockedTiers = tiers.TakeLast(1).Where(t => File.Exists(Path.Combine(paths.WarmupRoot, t, "Cargo.lock"))).ToList(),
                SkeletonLocked = File.Exists(Path.Combine(paths.Skeleton, "Cargo.lock")),
                CargoConfig = File.Exists(Path.Combine(paths.Skeleton, ".cargo", "config.toml")),
                RealSourceDirectories = PatchedDirectories(context, id),
            };
            files.Add(new(paths.Dockerfile, renderer.Render(options)));
            files.Add(new(paths.DockerfileRecord, StageJson.Serialize(DockerfileRecord.From(options))));
            context.Log.Information("Dockerfile for {0}: {1}, uid:gid {2}:{3}, layout {4}, dependencies in {5}, tiers [{6}]{7} -> {8}",
                id, builder is null ? $"base {options.BaseImage}" : $"FROM the builder image {builder}", options.Uid, options.Gid, CargoLayoutPaths.Spell(options.Layout),
                options.DependencyStorage == DependencyStorage.Image ? "the image's layers" : "cache mounts",
                string.Join(", ", tiers), options.Sccache ? ", sccache" : string.Empty, paths.Dockerfile);
        }

        AtomicFile.WriteAll(files);
    }

    private static IReadOnlyList<string> PatchedDirectories(PrewarmContext context, string id)
    {
        var recipe = Path.Combine(RecipeArtifacts.DirectoryFor(context.Artifacts.FullPath, id), RecipeArtifacts.RecipeFile);
        return File.Exists(recipe) ? RecipeJson.Deserialize(File.ReadAllText(recipe), recipe).PatchedDirectories() : [];
    }
}
