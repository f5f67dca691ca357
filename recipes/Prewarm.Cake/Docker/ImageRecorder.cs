namespace Prewarm.Cake.Docker;

/// <summary>
/// What <c>image.json</c> says of a finished build: which engine holds which image per platform,
/// whether and where it was pushed, and its size over its base image (what the compiled
/// dependencies cost).
/// </summary>
internal sealed class ImageRecorder(ICakeContext context, DockerEngine engine)
{
    /// <param name="settings">The build's settings: tags, platforms, push.</param>
    /// <param name="rendered">What the Dockerfile task rendered: base image, dependency storage.</param>
    /// <param name="local">The engine holds the image (integrated BuildKit, or buildx --load): its size can be asked.</param>
    /// <param name="images">Each platform's tags in the engine.</param>
    /// <param name="coldFor">--cache-from images the registry did not have.</param>
    /// <param name="listDigests">Manifest lists pushed to join several platforms' images under each tag.</param>
    public ImageRecord Record(DockerBuildxBuildSettings settings, DockerfileRecord rendered, bool local, IReadOnlyDictionary<string, IReadOnlyList<string>> images, IReadOnlyList<string> coldFor, IReadOnlyList<string> listDigests)
    {
        var ask = engine.Settings<DockerImageInspectSettings>();
        // Several platforms without buildx: the engine holds one image per platform; the native one
        // (or the first) stands for the build, and every platform's image is listed.
        var integratedSeveral = engine.Mode == DockerBuildMode.IntegratedBuildKit && settings.Platforms.Count > 1;
        var image = integratedSeveral
            ? images.GetValueOrDefault(engine.NativePlatform.ToString())?[0] ?? images.Values.First()[0]
            : settings.Tags[0];
        // Built FROM an organisation builder image: that is the base its own layers add to.
        var baseImage = rendered.BuilderImage ?? rendered.BaseImage;
        long? size = local ? context.DockerImageSize(image, ask) : null;
        long? baseSize = null;
        if (size is not null)
        {
            // The base is in the engine's content store after the build, but not always in its image
            // list: pull it (from the registry the build pulled it from) to learn its size.
            baseSize = context.DockerImageSize(baseImage, ask)
                ?? (context.DockerPull(baseImage, engine.Settings<DockerPullSettings>()).Succeeded ? context.DockerImageSize(baseImage, ask) : null);
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
            // Joined platforms: the tag names the list; each platform's own image keeps its digest.
            Digests = !settings.Push || !local ? [] : listDigests.Count > 0 ? listDigests : context.DockerImageRepoDigests(image, ask),
            PlatformDigests = settings.Push && integratedSeveral
                ? images.ToDictionary(i => i.Key, i => context.DockerImageRepoDigests(i.Value[0], ask).FirstOrDefault() ?? "", StringComparer.Ordinal)
                : null,
            DependencyStorage = rendered.DependencyStorage,
            BaseImage = baseImage,
            SizeBytes = size,
            BaseSizeBytes = baseSize,
        };
        if (record.SizeOverBaseBytes is { } over)
        {
            context.Log.Information("Image {0}: {1:0.00} GB, {2:0.00} GB over its base {3} (compiled dependencies {4}).",
                image, size!.Value / 1e9, over / 1e9, baseImage,
                rendered.DependencyStorage == DependencyStorage.Image ? "in the layers" : "in cache mounts, not in the image");
        }

        return record;
    }
}
