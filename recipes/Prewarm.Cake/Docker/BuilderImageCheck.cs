using System.Text.Json;

namespace Prewarm.Cake.Docker;

/// <summary>Before a repository image is built FROM a builder image: the builder exists (here or in
/// its registry) and was made for the same profile and build user (its <see cref="BuilderLabel"/>).</summary>
internal sealed class BuilderImageCheck(ICakeContext context, DockerEngine engine)
{
    public BuilderLabel Require(string image, DockerfileRecord rendered)
    {
        var inspectSettings = engine.Settings<DockerImageInspectSettings>();
        if (!context.DockerImageExists(image, inspectSettings))
        {
            var pull = context.DockerPull(image, engine.Settings<DockerPullSettings>());
            if (!pull.Succeeded)
            {
                throw new PrewarmException($"--builder-image {image}: not in the engine and not pullable ({pull.ErrorSummary}); run --target=BuilderImage (with --push) first.");
            }
        }

        var inspect = context.DockerImageInspect(image, inspectSettings);
        string? json = null;
        if (inspect.Succeeded)
        {
            using var document = JsonDocument.Parse(inspect.Output);
            if (document.RootElement.TryGetProperty("Config", out var config)
                && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                && labels.TryGetProperty(BuilderLabel.Name, out var label))
            {
                json = label.GetString();
            }
        }

        var builder = BuilderLabel.Parse(json, image);
        var mismatch = builder.Mismatch(image, rendered.Profile, rendered.Uid, rendered.Gid);
        if (mismatch is not null)
        {
            throw new PrewarmException(mismatch);
        }

        return builder;
    }
}
