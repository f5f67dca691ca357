using System.Globalization;
using System.Text;
using Prewarm.Cake.Tools.Git;
using Prewarm.Core.Settings;
using Prewarm.Core.IO;

namespace Prewarm.Cake.Docker;

/// <summary>
/// Builds one repository's builder image: stages the context, writes docker-bake.json, picks
/// buildx or the integrated BuildKit, builds, and keeps BuildKit's progress in build.log.
/// </summary>
internal sealed class ImageBuild(ICakeContext context, DockerSettings options, DockerEngine engine)
{
    private const string MultiPlatformBuilder = "prewarm-multiplatform";

    /// <summary>Builds the image of <paramref name="unit"/> (a repository's or a service's); a recipe made for
    /// another build than the unit's is refused.</summary>
    public IReadOnlyList<BuildStep> Run(Core.Services.BuildUnit unit, ArtifactPaths paths)
    {
        paths.RequireDockerfile();
        paths.RequireSkeleton();
        return Run(ImageJob.ForRepository(new DirectoryPath(unit.Repository), unit.RepositoryId, paths, options, unit.Build));
    }

    public IReadOnlyList<BuildStep> Run(ImageJob job)
    {
        var paths = job.Paths;
        paths.RequireDockerfile();
        var rendered = StageJson.Read<DockerfileRecord>(paths.DockerfileRecord, "Dockerfile");
        var dockerfile = TemplateText.NormaliseLineEndings(File.ReadAllText(paths.Dockerfile));
        var settings = Settings(job);
        var integrated = engine.Mode == DockerBuildMode.IntegratedBuildKit;
        if (rendered.Cross)
        {
            new CrossPrerequisites(context, engine).Require(settings.Platforms, rendered.BaseImage);
        }

        if (integrated)
        {
            new PlatformPrerequisites(context, engine).Require(settings.Platforms, rendered.BuilderImage ?? rendered.BaseImage, emulated: !rendered.Cross);
        }

        if (rendered.BuilderImage is not null)
        {
            new BuilderImageCheck(context, engine).Require(rendered.BuilderImage, rendered);
        }

        new ToolchainPrerequisites(context, engine, new(paths.Artifacts))
            .Require(job.Compiles, rendered.BuilderImage ?? rendered.BaseImage, settings.Platforms, rendered.Cross);

        var coldFor = new CacheSources(context, engine).Check(settings.CacheFrom);
        var staged = job.Stage();
        context.Log.Information("Build context {0}: {1} files written, {2} unchanged, {3} removed.",
            paths.Context, staged.Written.Count, staged.Unchanged, staged.Deleted.Count);
        AtomicFile.WriteAllText(paths.Bake, Bake(settings, paths).ToJson());

        var log = new StringBuilder();
        void Progress(string line)
        {
            lock (log)
            {
                log.Append(line).Append('\n');
            }

            if (line.StartsWith('#') && !line.Contains(" sha256:", StringComparison.Ordinal))
            {
                context.Log.Write(Verbosity.Normal, LogLevel.Information, "{0}", line);
            }
            else
            {
                context.Log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", line);
            }
        }

        var seeds = new SortedDictionary<string, SeedImage>(StringComparer.Ordinal);
        void Seed(IReadOnlyList<BuildPlatform> platforms)
        {
            if (!rendered.Seed || settings.Tags.Count == 0)
            {
                return;
            }

            var seed = new SeedSelector(context, engine).Seed(settings, dockerfile, paths.Context, platforms, coldFor);
            foreach (var platform in platforms)
            {
                seeds[platform.ToString()] = seed;
            }
        }

        ToolResult result;
        if (!integrated)
        {
            PrepareBuilder(settings);
            Seed(settings.Platforms);
            result = context.DockerBuildxBuild(settings, Progress);
        }
        else
        {
            var build = new IntegratedBuild(context, options, engine);
            settings.File = new FilePath(build.BuildFile(dockerfile, paths));
            result = build.BuildEachPlatform(settings, paths, Progress, platform => Seed([platform]));
        }

        AtomicFile.WriteAllText(paths.BuildLog, log.ToString());
        var steps = BuildProgressParser.Parse(log.ToString());
        if (!result.Succeeded)
        {
            var command = integrated ? $"DOCKER_BUILDKIT=1 {engine.Cli.FullPath} build" : $"{engine.Cli.FullPath} buildx build";
            throw new PrewarmException(DockerEngineErrors.Explain(command, result.Error)
                ?? $"{command} failed (exit code {result.ExitCode}): {BuildFailure.Explain(log.ToString()) ?? result.ErrorSummary}; full output in {paths.BuildLog}");
        }

        var ran = steps.Where(s => s.IsDockerfileStep).ToList();
        context.Log.Information("Image {0} built with {1}: {2} Dockerfile steps, {3} cached, {4} ran; log {5}",
            string.Join(", ", settings.Tags), integrated ? "the integrated BuildKit" : "buildx",
            ran.Count, ran.Count(s => s.Status == BuildStepStatus.Cached), ran.Count(s => s.Status == BuildStepStatus.Done), paths.BuildLog);

        // buildx pushed as part of the build; the integrated BuildKit leaves the images in the engine.
        var images = IntegratedBuild.ImagesByPlatform(settings, integrated);
        var listDigests = new List<string>();
        if (integrated && settings.Push)
        {
            var push = new ImagePush(context, engine);
            push.PushAll(images.Values.SelectMany(tags => tags));
            if (settings.Platforms.Count > 1)
            {
                foreach (var tag in settings.Tags)
                {
                    if (push.Join(tag, settings.Platforms.Select(p => PlatformTags.For(tag, p)).ToList()) is { } digest)
                    {
                        listDigests.Add(digest);
                    }
                }
            }
        }

        if (integrated)
        {
            IntegratedBuild.WriteMetadata(paths, images.Values.SelectMany(tags => tags).ToList());
        }

        // Verify reads what the build recorded from the image itself: from the engine, or pulled.
        var local = integrated || settings.Load;
        if ((local || settings.Push) && settings.Tags.Count > 0)
        {
            var record = new ImageRecorder(context, engine).Record(settings, rendered, local, images, coldFor, listDigests)
                with { Seeds = seeds.Count > 0 ? seeds : null };
            AtomicFile.WriteAllText(paths.ImageRecord, StageJson.Serialize(record));
        }
        else if (File.Exists(paths.ImageRecord))
        {
            File.Delete(paths.ImageRecord);
        }

        return steps;
    }

    private DockerBuildxBuildSettings Settings(ImageJob job)
    {
        var paths = job.Paths;
        // Not asked for a platform: the engine's own, never one the user did not ask for.
        IReadOnlyList<BuildPlatform> platforms = options.Platforms.Count > 0 ? options.Platforms : [engine.NativePlatform];
        var single = platforms.Count == 1;
        var settings = new DockerBuildxBuildSettings
        {
            ToolPath = engine.Cli,
            Context = new DirectoryPath(paths.Context),
            File = new FilePath(paths.Dockerfile),
            Target = "builder",
            Platforms = [.. platforms],
            Tags = [.. job.Tags],
            Secrets = [.. options.Secrets],
            CacheFrom = [.. options.CacheFrom],
            CacheTo = [.. options.CacheTo],
            Push = options.Push,
            Load = options.Load || (!options.Push && single),
            Builder = options.Builder,
            Progress = options.Progress,
            MetadataFile = engine.Mode == DockerBuildMode.Buildx ? new FilePath(paths.Metadata) : null,
        };
        foreach (var (key, value) in options.BuildArgs)
        {
            settings.BuildArgs[key] = value;
        }

        foreach (var (key, value) in Labels(job.Repository).Concat(job.Labels))
        {
            settings.Labels[key] = value;
        }

        if (!settings.Push && !settings.Load)
        {
            Loud($"The {platforms.Count}-platform image is neither pushed nor loaded (the engine cannot load multi-platform images): it stays in the build cache. Use --push, or one --platform with --load.");
        }

        return settings;
    }

    private IEnumerable<KeyValuePair<string, string>> Labels(DirectoryPath? repository)
    {
        if (repository is null)
        {
            yield return new("org.opencontainers.image.created", Created());
            yield break;
        }

        var here = new GitSettings { WorkingDirectory = repository };
        var source = options.SourceUrl ?? context.GitOriginUrl(here);
        if (source is not null)
        {
            yield return new("org.opencontainers.image.source", source);
        }

        var revision = context.GitHead(here);
        if (revision is not null)
        {
            yield return new("org.opencontainers.image.revision", revision);
        }

        var version = options.ImageVersion ?? context.GitDescribe(here);
        if (version is not null)
        {
            yield return new("org.opencontainers.image.version", version);
        }

        yield return new("org.opencontainers.image.created", Created());
    }

    /// <summary>Now, or SOURCE_DATE_EPOCH when set (reproducible builds).</summary>
    private string Created()
    {
        var epoch = context.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var moment = long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
        return moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static BakeFile Bake(DockerBuildxBuildSettings settings, ArtifactPaths paths) =>
        BakeFile.Single(paths.RepositoryId, new BakeTarget
        {
            Context = "context",
            Dockerfile = "../Dockerfile",
            Target = settings.Target,
            Platforms = settings.Platforms.Select(p => p.ToString()).ToList(),
            Tags = settings.Tags,
            Labels = new(settings.Labels, StringComparer.Ordinal),
            Args = new(settings.BuildArgs, StringComparer.Ordinal),
            CacheFrom = settings.CacheFrom.Select(c => c.ToString()).ToList(),
            CacheTo = settings.CacheTo.Select(c => c.ToString()).ToList(),
            Secret = settings.Secrets.Select(s => s.ToString()).ToList(),
            Output = settings.Push ? ["type=registry"] : settings.Load ? ["type=docker"] : [],
        });

    /// <summary>Several platforms need a builder that is not the docker driver: use (and create
    /// once) a docker-container builder unless the user named one.</summary>
    private void PrepareBuilder(DockerBuildxBuildSettings settings)
    {
        if (settings.Platforms.Count < 2 || !string.IsNullOrEmpty(settings.Builder))
        {
            return;
        }

        var current = context.DockerBuildxInspectDriver(new DockerBuildxBuilderSettings { Name = string.Empty, ToolPath = engine.Cli });
        if (current is not null && current != "docker")
        {
            return;
        }

        var builder = new DockerBuildxBuilderSettings { Name = MultiPlatformBuilder, ToolPath = engine.Cli, Platforms = [.. settings.Platforms] };
        if (context.DockerBuildxInspectDriver(builder) is null)
        {
            context.Log.Information("Creating buildx builder {0} (docker-container driver) for {1}.", MultiPlatformBuilder, string.Join(",", settings.Platforms));
            context.DockerBuildxCreate(builder);
        }

        settings.Builder = MultiPlatformBuilder;
    }

    private void Loud(string message) => context.Log.Write(Verbosity.Quiet, LogLevel.Warning, "{0}", message);
}
