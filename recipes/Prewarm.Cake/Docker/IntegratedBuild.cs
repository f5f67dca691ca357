using System.Text.Json;
using Prewarm.Core.Settings;
using Prewarm.Core.IO;

namespace Prewarm.Cake.Docker;

/// <summary>
/// A build on the engine's integrated BuildKit (<c>DOCKER_BUILDKIT=1 docker build</c>, no buildx):
/// one platform per build, the frontend the engine can get, and buildx's metadata file written by hand.
/// </summary>
internal sealed class IntegratedBuild(ICakeContext context, DockerSettings options, DockerEngine engine)
{
    /// <summary>
    /// The integrated BuildKit builds one platform per build: each requested platform in turn (a
    /// foreign one under binfmt emulation), each into its own target directory (the Dockerfile's is
    /// per TARGETARCH) and, for several platforms, under tags of its own. Stops at the first failure.
    /// <c>beforeEach</c> sees each platform once its tags are set, before it builds (the seed is chosen per platform).
    /// </summary>
    public ToolResult BuildEachPlatform(DockerBuildxBuildSettings settings, ArtifactPaths paths, Action<string> progress, Action<BuildPlatform>? beforeEach = null)
    {
        var tags = settings.Tags;
        var several = settings.Platforms.Count > 1;
        if (several && File.Exists(paths.ImageId))
        {
            File.Delete(paths.ImageId);   // metadata.json must not name a single-platform build's id
        }

        ToolResult? result = null;
        try
        {
            foreach (var platform in settings.Platforms)
            {
                settings.Tags = several ? tags.Select(t => PlatformTags.For(t, platform)).ToList() : tags;
                settings.ImageIdFile = new FilePath(several ? paths.ImageIdFor(platform) : paths.ImageId);
                beforeEach?.Invoke(platform);
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

                result = context.DockerIntegratedBuild(settings, platform, out _, progress);
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
    public static SortedDictionary<string, IReadOnlyList<string>> ImagesByPlatform(DockerBuildxBuildSettings settings, bool integrated) =>
        new(settings.Platforms.ToDictionary(
            p => p.ToString(),
            p => (IReadOnlyList<string>)(integrated && settings.Platforms.Count > 1 ? settings.Tags.Select(t => PlatformTags.For(t, p)).ToList() : settings.Tags)),
            StringComparer.Ordinal);

    /// <summary>
    /// The integrated BuildKit fetches the frontend named by <c># syntax=</c> from a registry. With
    /// --frontend=auto the directive is kept when the engine has the frontend image or can pull it;
    /// otherwise the build uses the engine's built-in frontend (which has every instruction this
    /// Dockerfile uses) and says so. The Dockerfile artifact itself always keeps the directive.
    /// </summary>
    public string BuildFile(string dockerfile, ArtifactPaths paths)
    {
        var frontend = SyntaxDirective.Find(dockerfile);
        if (frontend is null || options.Frontend == "directive")
        {
            return paths.Dockerfile;
        }

        if (options.Frontend == "auto")
        {
            if (context.DockerImageExists(frontend, engine.Settings<DockerImageInspectSettings>()))
            {
                return paths.Dockerfile;
            }

            var pull = context.DockerPull(frontend, engine.Settings<DockerPullSettings>());
            if (pull.Succeeded)
            {
                return paths.Dockerfile;
            }

            Loud($"DROPPED: '# syntax={frontend}' for this build: the engine cannot get the frontend image ({pull.ErrorSummary}); building with the engine's built-in Dockerfile frontend. The rendered Dockerfile keeps the directive.");
        }
        else
        {
            Loud($"DROPPED: '# syntax={frontend}' for this build (--frontend=builtin): building with the engine's built-in Dockerfile frontend.");
        }

        AtomicFile.WriteAllText(paths.BuiltinFrontendDockerfile, SyntaxDirective.Drop(dockerfile));
        return paths.BuiltinFrontendDockerfile;
    }

    /// <summary>metadata.json as buildx's --metadata-file would have it: the image names and the config digest.</summary>
    public static void WriteMetadata(ArtifactPaths paths, IReadOnlyList<string> tags)
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

    private void Loud(string message) => context.Log.Write(Verbosity.Quiet, LogLevel.Warning, "{0}", message);
}
