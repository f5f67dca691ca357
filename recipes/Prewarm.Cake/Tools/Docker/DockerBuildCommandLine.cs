namespace Prewarm.Cake.Tools.Docker;

/// <summary>
/// The one place that turns <see cref="DockerBuildxBuildSettings"/> into a command line, for
/// <c>docker buildx build</c> and for the engine's integrated BuildKit (<c>DOCKER_BUILDKIT=1
/// docker build</c>). Secrets are appended as secret arguments, which Cake redacts when it logs.
/// </summary>
public static class DockerBuildCommandLine
{
    public static ProcessArgumentBuilder ForBuildx(DockerBuildxBuildSettings settings)
    {
        if (settings is { Push: true, Load: true } && settings.Platforms.Count > 1)
        {
            throw new Core.PrewarmException("--load cannot load a multi-platform image into the engine: build one platform, or use --push only.");
        }

        var args = new ProcessArgumentBuilder().Append("buildx").Append("build");
        if (!string.IsNullOrEmpty(settings.Builder))
        {
            args.AppendSwitchQuoted("--builder", " ", settings.Builder);
        }

        Common(args, settings);
        if (settings.Platforms.Count > 0)
        {
            args.AppendSwitch("--platform", " ", string.Join(',', settings.Platforms));
        }

        foreach (var cache in settings.CacheFrom)
        {
            args.AppendSwitchQuoted("--cache-from", " ", cache.ToString());
        }

        foreach (var cache in settings.CacheTo)
        {
            args.AppendSwitchQuoted("--cache-to", " ", cache.ToString());
        }

        if (settings.MetadataFile is not null)
        {
            args.AppendSwitchQuoted("--metadata-file", " ", settings.MetadataFile.FullPath);
        }

        if (settings.Push)
        {
            args.Append("--push");
        }

        if (settings.Load)
        {
            args.Append("--load");
        }

        return args.AppendQuoted(settings.Context.FullPath);
    }

    /// <summary>The fallback's command line for one platform: the engine builds into its own image
    /// store, so exported caches (but inline) and builders are not expressible; the caller builds
    /// each platform in turn and pushes with <c>docker push</c>. What is dropped is returned as
    /// sentences for the caller to log loudly.</summary>
    public static ProcessArgumentBuilder ForIntegratedBuildKit(DockerBuildxBuildSettings settings, BuildPlatform platform, out IReadOnlyList<string> dropped)
    {
        var lost = new List<string>();
        var args = new ProcessArgumentBuilder().Append("build");
        var inline = settings.CacheTo.Any(c => c.Type == "inline");
        if (inline && !settings.BuildArgs.ContainsKey("BUILDKIT_INLINE_CACHE"))
        {
            settings = Copy(settings, s => s.BuildArgs["BUILDKIT_INLINE_CACHE"] = "1");
        }

        Common(args, settings);
        args.AppendSwitch("--platform", " ", platform.ToString());
        foreach (var cache in settings.CacheFrom)
        {
            var reference = cache.Type == "registry" ? cache.Get("ref") : null;
            if (reference is not null)
            {
                args.AppendSwitchQuoted("--cache-from", " ", reference);
            }
            else
            {
                lost.Add($"--cache-from {cache} (only registry images can be cache sources without buildx)");
            }
        }

        foreach (var cache in settings.CacheTo.Where(c => c.Type != "inline"))
        {
            lost.Add($"--cache-to {cache} (cache export needs buildx; only type=inline is kept: the pushed image carries its cache)");
        }

        if (settings.ImageIdFile is not null)
        {
            args.AppendSwitchQuoted("--iidfile", " ", settings.ImageIdFile.FullPath);
        }

        if (!string.IsNullOrEmpty(settings.Builder))
        {
            lost.Add($"--builder {settings.Builder} (builders are a buildx feature)");
        }

        dropped = lost;
        return args.AppendQuoted(settings.Context.FullPath);
    }

    private static void Common(ProcessArgumentBuilder args, DockerBuildxBuildSettings settings)
    {
        if (settings.File is not null)
        {
            args.AppendSwitchQuoted("--file", " ", settings.File.FullPath);
        }

        if (!string.IsNullOrEmpty(settings.Target))
        {
            args.AppendSwitchQuoted("--target", " ", settings.Target);
        }

        foreach (var tag in settings.Tags)
        {
            args.AppendSwitchQuoted("--tag", " ", tag);
        }

        foreach (var (key, value) in settings.Labels)
        {
            args.AppendSwitchQuoted("--label", " ", $"{key}={value}");
        }

        foreach (var (key, value) in settings.BuildArgs)
        {
            args.AppendSwitchQuoted("--build-arg", " ", $"{key}={value}");
        }

        foreach (var secret in settings.Secrets)
        {
            args.AppendSwitchQuotedSecret("--secret", " ", secret.ToString());
        }

        if (!string.IsNullOrEmpty(settings.Progress))
        {
            args.AppendSwitch("--progress", " ", settings.Progress);
        }
    }

    private static DockerBuildxBuildSettings Copy(DockerBuildxBuildSettings settings, Action<DockerBuildxBuildSettings> change)
    {
        var copy = new DockerBuildxBuildSettings
        {
            Context = settings.Context, File = settings.File, Target = settings.Target, Platforms = [.. settings.Platforms],
            Tags = [.. settings.Tags], Labels = new(settings.Labels, StringComparer.Ordinal),
            BuildArgs = new(settings.BuildArgs, StringComparer.Ordinal), Secrets = [.. settings.Secrets],
            CacheFrom = [.. settings.CacheFrom], CacheTo = [.. settings.CacheTo], Push = settings.Push, Load = settings.Load,
            Builder = settings.Builder, Progress = settings.Progress, MetadataFile = settings.MetadataFile, ImageIdFile = settings.ImageIdFile,
        };
        change(copy);
        return copy;
    }
}
