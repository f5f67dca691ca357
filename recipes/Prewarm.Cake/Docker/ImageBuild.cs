using System.Globalization;
using System.Text;
using System.Text.Json;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core;
using Prewarm.Core.Docker;
using Prewarm.Core.IO;
using Path = System.IO.Path;
using File = System.IO.File;

namespace Prewarm.Cake.Docker;

/// <summary>
/// Builds one repository's builder image: stages the context, writes docker-bake.json, picks
/// buildx or the integrated BuildKit, builds, and keeps BuildKit's progress in build.log.
/// </summary>
internal sealed class ImageBuild(ICakeContext context, ImageOptions options, DockerEngine engine)
{
    private const string MultiPlatformBuilder = "prewarm-multiplatform";

    public IReadOnlyList<BuildStep> Run(DirectoryPath repository, ArtifactPaths paths)
    {
        paths.RequireDockerfile();
        paths.RequireSkeleton();
        var rendered = StageJson.Read<DockerfileRecord>(paths.DockerfileRecord, "Dockerfile");
        var dockerfile = TemplateText.NormaliseLineEndings(File.ReadAllText(paths.Dockerfile));
        var settings = Settings(repository, paths);
        var integrated = engine.Mode == DockerBuildMode.IntegratedBuildKit;
        if (integrated)
        {
            new PlatformPrerequisites(context, engine).Require(settings.Platforms, rendered.BaseImage);
        }

        var coldFor = new CacheSources(context, engine).Check(settings.CacheFrom);
        var staged = StageContext(repository, paths);
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

        DockerRunResult result;
        if (!integrated)
        {
            PrepareBuilder(settings);
            result = new DockerBuildxTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
                .Build(settings, Progress);
        }
        else
        {
            settings.File = new FilePath(BuildFileForIntegratedBuildKit(dockerfile, paths));
            result = BuildEachPlatform(settings, paths, Progress);
        }

        AtomicFile.WriteAllText(paths.BuildLog, log.ToString());
        var steps = BuildProgressParser.Parse(log.ToString());
        if (!result.Succeeded)
        {
            var command = integrated ? $"DOCKER_BUILDKIT=1 {engine.Cli.FullPath} build" : $"{engine.Cli.FullPath} buildx build";
            throw new PrewarmException(DockerEngineErrors.Explain(command, result.Error)
                ?? $"{command} failed (exit code {result.ExitCode}): {BuildFailure.Explain(log.ToString()) ?? LastError(result)}; full output in {paths.BuildLog}");
        }

        var ran = steps.Where(s => s.IsDockerfileStep).ToList();
        context.Log.Information("Image {0} built with {1}: {2} Dockerfile steps, {3} cached, {4} ran; log {5}",
            string.Join(", ", settings.Tags), integrated ? "the integrated BuildKit" : "buildx",
            ran.Count, ran.Count(s => s.Status == BuildStepStatus.Cached), ran.Count(s => s.Status == BuildStepStatus.Done), paths.BuildLog);

        // buildx pushed as part of the build; the integrated BuildKit leaves the images in the engine.
        var images = ImagesByPlatform(settings, integrated);
        if (integrated && settings.Push)
        {
            var push = new ImagePush(context, engine);
            push.PushAll(images.Values.SelectMany(tags => tags));
            if (settings.Platforms.Count > 1)
            {
                foreach (var tag in settings.Tags)
                {
                    push.Join(tag, settings.Platforms.Select(p => PlatformTags.For(tag, p)).ToList());
                }
            }
        }

        if (integrated)
        {
            WriteMetadata(paths, images.Values.SelectMany(tags => tags).ToList());
        }

        // Verify reads what the build recorded from the image itself: from the engine, or pulled.
        var local = integrated || settings.Load;
        if ((local || settings.Push) && settings.Tags.Count > 0)
        {
            AtomicFile.WriteAllText(paths.ImageRecord, StageJson.Serialize(Record(settings, rendered, local, images, coldFor)));
        }
        else if (File.Exists(paths.ImageRecord))
        {
            File.Delete(paths.ImageRecord);
        }

        return steps;
    }

    /// <summary>
    /// The integrated BuildKit builds one platform per build: each requested platform in turn (a
    /// foreign one under binfmt emulation), each into its own target directory (the Dockerfile's is
    /// per TARGETARCH) and, for several platforms, under tags of its own. Stops at the first failure.
    /// </summary>
    private DockerRunResult BuildEachPlatform(DockerBuildxBuildSettings settings, ArtifactPaths paths, Action<string> progress)
    {
        var tool = new DockerIntegratedBuildTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
        var tags = settings.Tags;
        var several = settings.Platforms.Count > 1;
        if (several && File.Exists(paths.ImageId))
        {
            File.Delete(paths.ImageId);   // metadata.json must not name a single-platform build's id
        }

        DockerRunResult? result = null;
        try
        {
            foreach (var platform in settings.Platforms)
            {
                settings.Tags = several ? tags.Select(t => PlatformTags.For(t, platform)).ToList() : tags;
                settings.ImageIdFile = new FilePath(several ? paths.ImageIdFor(platform) : paths.ImageId);
                DockerBuildCommandLine.ForIntegratedBuildKit(settings, platform, out var dropped);
                if (result is null)
                {
                    foreach (var sentence in dropped)
                    {
                        Loud($"DROPPED without buildx: {sentence}.");
                    }
                }

                if (several)
                {
                    context.Log.Information("Building {0} ({1} of {2}) as {3}.", platform, settings.Platforms.IndexOf(platform) + 1, settings.Platforms.Count, string.Join(", ", settings.Tags));
                }

                result = tool.Build(settings, platform, out _, progress);
                if (!result.Succeeded)
                {
                    break;
                }
            }
        }
        finally
        {
            settings.Tags = tags;
        }

        return result!;
    }

    /// <summary>The tags each platform's image carries: the tags asked for when one platform was
    /// built (or buildx built them all under one tag), per-platform tags when the integrated
    /// BuildKit built several one by one.</summary>
    private static SortedDictionary<string, IReadOnlyList<string>> ImagesByPlatform(DockerBuildxBuildSettings settings, bool integrated) =>
        new(settings.Platforms.ToDictionary(
            p => p.ToString(),
            p => (IReadOnlyList<string>)(integrated && settings.Platforms.Count > 1 ? settings.Tags.Select(t => PlatformTags.For(t, p)).ToList() : settings.Tags)),
            StringComparer.Ordinal);

    private ImageRecord Record(DockerBuildxBuildSettings settings, DockerfileRecord rendered, bool local, IReadOnlyDictionary<string, IReadOnlyList<string>> images, IReadOnlyList<string> coldFor)
    {
        var docker = new DockerCommandTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
        var ask = new DockerCommandSettings { ToolPath = engine.Cli };
        // Several platforms without buildx: the engine holds one image per platform; the native one
        // (or the first) stands for the build, and every platform's image is listed.
        var integratedSeveral = engine.Mode == DockerBuildMode.IntegratedBuildKit && settings.Platforms.Count > 1;
        var image = integratedSeveral
            ? images.GetValueOrDefault(engine.NativePlatform.ToString())?[0] ?? images.Values.First()[0]
            : settings.Tags[0];
        long? size = local ? docker.ImageSize(ask, image) : null;
        long? baseSize = null;
        if (size is not null)
        {
            // The base is in the engine's content store after the build, but not always in its image
            // list: pull it (from the registry the build pulled it from) to learn its size.
            baseSize = docker.ImageSize(ask, rendered.BaseImage)
                ?? (docker.Pull(ask, rendered.BaseImage).Succeeded ? docker.ImageSize(ask, rendered.BaseImage) : null);
        }

        var record = new ImageRecord
        {
            Docker = engine.Cli.FullPath,
            Image = image,
            Tags = settings.Tags,
            Platforms = settings.Platforms.Select(p => p.ToString()).ToList(),
            Images = integratedSeveral ? images.ToDictionary(i => i.Key, i => i.Value[0], StringComparer.Ordinal) : null,
            CacheFromMissing = coldFor.Count > 0 ? coldFor : null,
            Pushed = settings.Push,
            Digests = settings.Push && local ? docker.RepoDigests(ask, image) : [],
            DependencyStorage = rendered.DependencyStorage,
            BaseImage = rendered.BaseImage,
            SizeBytes = size,
            BaseSizeBytes = baseSize,
        };
        if (record.SizeOverBaseBytes is { } over)
        {
            context.Log.Information("Image {0}: {1:0.00} GB, {2:0.00} GB over its base {3} (compiled dependencies {4}).",
                image, size!.Value / 1e9, over / 1e9, rendered.BaseImage,
                rendered.DependencyStorage == DependencyStorage.Image ? "in the layers" : "in cache mounts, not in the image");
        }

        return record;
    }

    private StagingResult StageContext(DirectoryPath repository, ArtifactPaths paths)
    {
        var stager = new BuildContextStager(paths.Context);
        foreach (var tier in WarmupTiers.Present(paths.WarmupRoot))
        {
            stager.AddDirectory(Path.Combine(paths.WarmupRoot, tier), $"{BuildContextLayout.Warmup}/{tier}");
        }

        stager.AddDirectory(paths.Skeleton, BuildContextLayout.Skeleton);
        var cargoConfig = Path.Combine(paths.Skeleton, ".cargo", "config.toml");
        if (File.Exists(cargoConfig))
        {
            stager.AddFile(cargoConfig, BuildContextLayout.CargoConfig);
        }

        stager.AddDirectory(repository.FullPath, BuildContextLayout.Source, BuildContextLayout.ExcludedDirectoryNames, [paths.Artifacts]);
        stager.AddText(".dockerignore", DockerIgnore(repository));
        return stager.Finish();
    }

    /// <summary>The repository's own .dockerignore, re-rooted under source/.</summary>
    private static string DockerIgnore(DirectoryPath repository)
    {
        var text = new StringBuilder("# Generated by Prewarm: the repository's .dockerignore, under source/.\n");
        var own = Path.Combine(repository.FullPath, ".dockerignore");
        if (File.Exists(own))
        {
            foreach (var raw in File.ReadAllLines(own))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var negated = line.StartsWith('!');
                var pattern = (negated ? line[1..] : line).TrimStart('/');
                text.Append(negated ? "!" : string.Empty).Append("source/").Append(pattern).Append('\n');
            }
        }

        return text.ToString();
    }

    private DockerBuildxBuildSettings Settings(DirectoryPath repository, ArtifactPaths paths)
    {
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
            Tags = [.. options.TagsFor(paths.RepositoryId)],
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

        foreach (var (key, value) in Labels(repository))
        {
            settings.Labels[key] = value;
        }

        if (!settings.Push && !settings.Load)
        {
            Loud($"The {platforms.Count}-platform image is neither pushed nor loaded (the engine cannot load multi-platform images): it stays in the build cache. Use --push, or one --platform with --load.");
        }

        return settings;
    }

    private IEnumerable<KeyValuePair<string, string>> Labels(DirectoryPath repository)
    {
        var source = options.SourceUrl ?? GitFacts.Ask(context, repository, "config --get remote.origin.url");
        if (source is not null)
        {
            yield return new("org.opencontainers.image.source", source);
        }

        var revision = GitFacts.Ask(context, repository, "rev-parse HEAD");
        if (revision is not null)
        {
            yield return new("org.opencontainers.image.revision", revision);
        }

        var version = options.ImageVersion ?? GitFacts.Ask(context, repository, "describe --tags --always --dirty");
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

        var tool = new DockerBuildxBuilderTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
        var current = tool.InspectDriver(new DockerBuildxBuilderSettings { Name = string.Empty, ToolPath = engine.Cli });
        if (current is not null && current != "docker")
        {
            return;
        }

        var builder = new DockerBuildxBuilderSettings { Name = MultiPlatformBuilder, ToolPath = engine.Cli, Platforms = [.. settings.Platforms] };
        if (tool.InspectDriver(builder) is null)
        {
            context.Log.Information("Creating buildx builder {0} (docker-container driver) for {1}.", MultiPlatformBuilder, string.Join(",", settings.Platforms));
            tool.Create(builder);
        }

        settings.Builder = MultiPlatformBuilder;
    }

    /// <summary>
    /// The integrated BuildKit fetches the frontend named by <c># syntax=</c> from a registry. With
    /// --frontend=auto the directive is kept when the engine has the frontend image or can pull it;
    /// otherwise the build uses the engine's built-in frontend (which has every instruction this
    /// Dockerfile uses) and says so. The Dockerfile artifact itself always keeps the directive.
    /// </summary>
    private string BuildFileForIntegratedBuildKit(string dockerfile, ArtifactPaths paths)
    {
        var frontend = SyntaxDirective.Find(dockerfile);
        if (frontend is null || options.Frontend == "directive")
        {
            return paths.Dockerfile;
        }

        if (options.Frontend == "auto")
        {
            var docker = new DockerCommandTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
            var settings = new DockerCommandSettings { ToolPath = engine.Cli };
            if (docker.ImageExists(settings, frontend))
            {
                return paths.Dockerfile;
            }

            var pull = docker.Pull(settings, frontend);
            if (pull.Succeeded)
            {
                return paths.Dockerfile;
            }

            Loud($"DROPPED: '# syntax={frontend}' for this build: the engine cannot get the frontend image ({pull.StandardError.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "pull failed"}); building with the engine's built-in Dockerfile frontend. The rendered Dockerfile keeps the directive.");
        }
        else
        {
            Loud($"DROPPED: '# syntax={frontend}' for this build (--frontend=builtin): building with the engine's built-in Dockerfile frontend.");
        }

        AtomicFile.WriteAllText(paths.BuiltinFrontendDockerfile, SyntaxDirective.Drop(dockerfile));
        return paths.BuiltinFrontendDockerfile;
    }

    private static void WriteMetadata(ArtifactPaths paths, IReadOnlyList<string> tags)
    {
        var id = File.Exists(paths.ImageId) ? File.ReadAllText(paths.ImageId).Trim() : null;
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["image.name"] = string.Join(',', tags),
        };
        if (id is not null)
        {
            metadata["containerimage.config.digest"] = id;
        }

        AtomicFile.WriteAllText(paths.Metadata, JsonSerializer.Serialize(metadata, new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n");
    }

    private static string LastError(DockerRunResult result)
    {
        var lines = result.StandardError.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.LastOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.OrdinalIgnoreCase) || l.StartsWith("failed", StringComparison.OrdinalIgnoreCase))
            ?? lines.LastOrDefault()
            ?? "no output";
    }

    private void Loud(string message) => context.Log.Write(Verbosity.Quiet, LogLevel.Warning, "{0}", message);
}
