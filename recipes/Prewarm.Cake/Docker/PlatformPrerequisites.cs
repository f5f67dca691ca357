namespace Prewarm.Cake.Docker;

/// <summary>
/// Before an integrated-BuildKit build of a platform other than the engine's own: the kernel must
/// run its binaries (a registered binfmt handler), and the base image must exist for it. Either
/// missing is one line naming the fix, before anything is built.
/// </summary>
internal sealed class PlatformPrerequisites(ICakeContext context, DockerEngine engine)
{
    /// <param name="platforms">The platforms to build.</param>
    /// <param name="baseImage">What the Dockerfile builds FROM.</param>
    /// <param name="emulated">The foreign platforms' RUN steps run under emulation (not with --cross,
    /// whose image for the target platform has no RUN step).</param>
    public void Require(IReadOnlyList<BuildPlatform> platforms, string baseImage, bool emulated = true)
    {
        var native = engine.NativePlatform;
        var foreign = platforms.Where(p => !BinfmtSupport.RunsNatively(p, native)).ToList();
        if (foreign.Count == 0)
        {
            return;
        }

        var unsupported = emulated ? BinfmtSupport.Check(foreign, native).FirstOrDefault(s => !s.CanRun) : null;
        if (unsupported is not null)
        {
            throw new PrewarmException($"--platform={unsupported.Platform}: {unsupported.Message}");
        }

        var available = BasePlatforms(baseImage);
        var missing = ImagePlatforms.DescribeMissing(baseImage, platforms, available);
        if (missing is not null)
        {
            throw new PrewarmException(missing);
        }
    }

    /// <summary>The base image's platforms from its registry (a manifest list names them all), or,
    /// for an image only the engine has, its one platform.</summary>
    private IReadOnlyList<BuildPlatform> BasePlatforms(string baseImage)
    {
        var registry = new DockerManifestSettings { ToolPath = engine.Cli, Insecure = ImageReference.OnLoopbackRegistry(baseImage) };
        var manifest = context.DockerManifestInspect(baseImage, registry);
        if (manifest.Succeeded)
        {
            var platforms = ImagePlatforms.ParseManifestInspect(manifest.Output, baseImage);
            if (!platforms.NeedsConfig)
            {
                return platforms.Platforms;
            }
        }

        var local = context.DockerImageInspect(baseImage, engine.Settings<DockerImageInspectSettings>());
        return local.Succeeded ? [ImagePlatforms.ParseImage(local.Output, baseImage)] : [];
    }
}
