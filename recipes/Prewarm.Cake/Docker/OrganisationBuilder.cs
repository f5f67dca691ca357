using Prewarm.Cake.Support;
using Prewarm.Core.Settings;
using Prewarm.Core.IO;
using Prewarm.Core.Recipes;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake.Docker;

/// <summary>
/// The organisation's builder image over every <c>--repo</c>: renders its Dockerfile, stages one
/// context (tiers, each repository's skeleton), names it by the fingerprint of those inputs, and
/// builds it — unless an image with that content tag already exists, here or in its registry.
/// </summary>
internal sealed class OrganisationBuilder(PrewarmContext context, DockerSettings options, DockerEngine engine)
{
    /// <summary>Builds (or finds) the builder image; returns its content tag.</summary>
    public string Build()
    {
        var ids = RepositoryIds.Assign(context.Repositories.Select(r => r.FullPath));
        var builds = new Dictionary<string, BuildIdentity>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var repository = new ArtifactPaths(context.Artifacts.FullPath, id);
            repository.RequireSkeleton();
            // Each repository's skeleton step builds what its recipe was made for; another build in this run is refused.
            builds[id] = RecipeStageManifest.Read(repository.RecipeManifest).RequireBuild(context.Settings.Shared.Build, repository.RecipeManifest).Build;
        }

        var paths = ArtifactPaths.Builder(context.Artifacts.FullPath);
        var tiers = WarmupTierList.Read(paths.WarmupRoot);
        var configFrom = ids.FirstOrDefault(id => File.Exists(CargoConfig(id)));
        var rendering = options.Rendering(paths.RepositoryId) with
        {
            BuilderImage = null,
            Seed = false,   // the builder's dependency steps are the organisation's, not one tag's history
            // The recipes' build (its profile and target for the tiers) and the shared sccache switch, bound once.
            Build = context.Settings.Shared.Build,
            Sccache = context.Settings.Shared.Sccache.UseInImage(),
            Tiers = tiers,
            LockedTiers = [],   // tiers' lockfiles pin versions but may carry extra entries: see DockerfileTask
            CargoConfig = configFrom is not null,
        };
        var repositories = ids.Select(id => new BuilderRepository(id, File.Exists(Path.Combine(Skeleton(id), "Cargo.lock")), builds[id])).ToList();
        var dockerfile = new DockerfileRenderer(options.TemplateSet()).RenderBuilder(rendering, repositories);

        Stage(paths, ids, tiers, configFrom, null);
        var contents = new BuilderContents
        {
            Fingerprint = ContextFingerprint.Compute(dockerfile, paths.Context, [BuildContextLayout.BuilderContents, ".dockerignore"]),
            BaseImage = rendering.BaseImage,
            Profile = rendering.Profile,
            Uid = rendering.Uid,
            Gid = rendering.Gid,
            Tiers = WarmupTierList.ReadSelection(paths.WarmupRoot).Where(t => tiers.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            Repositories = ids,
        };
        var json = StageJson.Serialize(contents);
        Stage(paths, ids, tiers, configFrom, json);
        AtomicFile.WriteAll(
        [
            new(paths.Dockerfile, dockerfile),
            new(paths.DockerfileRecord, StageJson.Serialize(DockerfileRecord.From(rendering))),
            new(paths.BuilderContents, json),
        ]);

        var tag = options.BuilderTag;
        var contentTag = contents.ContentTag(tag);
        context.Log.Information("Builder image over {0}: tiers [{1}], fingerprint {2}.", string.Join(", ", ids), string.Join(", ", tiers), contents.Fingerprint);
        if (!Reuse(contentTag, tag))
        {
            var job = new ImageJob(paths, null, () => Stage(paths, ids, tiers, configFrom, json), [contentTag, tag])
            {
                Labels = new Dictionary<string, string> { [BuilderLabel.Name] = contents.Label().ToJson() },
                Compiles = [.. ids.Select((id, i) => (id, context.Repositories[i].FullPath))],
            };
            new ImageBuild(context, options, engine).Run(job);
        }

        return contentTag;
    }

    /// <summary>An image with this content tag was built from the same inputs: tag it, push if
    /// asked, build nothing.</summary>
    private bool Reuse(string contentTag, string tag)
    {
        var local = context.DockerImageExists(contentTag, engine.Settings<DockerImageInspectSettings>());
        if (!local && !(options.Push && context.DockerPull(contentTag, engine.Settings<DockerPullSettings>()).Succeeded))
        {
            return false;
        }

        context.Log.Information("Builder image {0} exists (same inputs): nothing to build.", contentTag);
        var tagged = context.DockerTag(contentTag, tag, engine.Settings<DockerTagSettings>());
        if (!tagged.Succeeded)
        {
            throw new PrewarmException($"docker tag {contentTag} {tag} failed: {tagged.ErrorSummary}");
        }

        if (options.Push)
        {
            new ImagePush(context, engine).PushAll([contentTag, tag]);
        }

        return true;
    }

    private StagingResult Stage(ArtifactPaths paths, IReadOnlyList<string> ids, IReadOnlyList<string> tiers, string? configFrom, string? contents)
    {
        var stager = new BuildContextStager(paths.Context);
        foreach (var tier in tiers)
        {
            stager.AddDirectory(Path.Combine(paths.WarmupRoot, tier), $"{BuildContextLayout.Warmup}/{tier}");
        }

        foreach (var id in ids)
        {
            stager.AddDirectory(Skeleton(id), $"{BuildContextLayout.Skeletons}/{id}");
        }

        // Tiers live outside every repository: they take the first repository's cargo config
        // (its registries and source replacement); each skeleton keeps its own beside it.
        if (configFrom is not null)
        {
            stager.AddFile(CargoConfig(configFrom), BuildContextLayout.CargoConfig);
        }

        stager.AddText(BuildContextLayout.BuilderContents, contents ?? "{}\n");
        stager.AddText(".dockerignore", "# Generated by Prewarm: the builder image's context is all staged.\n");
        return stager.Finish();
    }

    private string Skeleton(string id) => new ArtifactPaths(context.Artifacts.FullPath, id).Skeleton;

    private string CargoConfig(string id) => Path.Combine(Skeleton(id), ".cargo", "config.toml");
}
