using Cake.Core;
using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>Reads <see cref="ImageOptions"/> from the command line, validating every value.</summary>
internal static class ImageArguments
{
    public static ImageOptions Read(ICakeContext context)
    {
        var platforms = ArgumentReader.Strings(context, "platform");
        var frontend = ArgumentReader.String(context, "frontend") ?? "auto";
        if (frontend is not ("auto" or "directive" or "builtin"))
        {
            throw new PrewarmException($"--frontend={frontend}: expected auto, directive or builtin.");
        }

        var progress = ArgumentReader.String(context, "progress") ?? "plain";
        if (progress is not ("plain" or "auto" or "tty" or "quiet"))
        {
            throw new PrewarmException($"--progress={progress}: expected plain, auto, tty or quiet.");
        }

        var tags = ArgumentReader.Strings(context, "tag");
        var badTag = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace) || t.StartsWith('-'));
        if (badTag is not null)
        {
            throw new PrewarmException($"--tag '{badTag}': not an image reference.");
        }

        return new ImageOptions
        {
            Platforms = platforms.Count > 0 ? BuildPlatform.ParseList(platforms) : BuildPlatform.Defaults,
            Tags = tags,
            CacheFrom = ArgumentReader.Strings(context, "cache-from").Select(v => CacheSpec.Parse(v, export: false)).ToList(),
            CacheTo = ArgumentReader.Strings(context, "cache-to").Select(v => CacheSpec.Parse(v, export: true)).ToList(),
            Secrets = ArgumentReader.Strings(context, "secret").Select(SecretSpec.Parse).ToList(),
            BuildArgs = ArgumentReader.Strings(context, "build-arg").Select(BuildArguments.Parse).ToList(),
            Push = ArgumentReader.Flag(context, "push"),
            Load = ArgumentReader.Flag(context, "load"),
            Builder = ArgumentReader.String(context, "builder"),
            Progress = progress,
            DockerCli = ArgumentReader.String(context, "docker"),
            Frontend = frontend,
            ImageVersion = ArgumentReader.String(context, "image-version"),
            SourceUrl = ArgumentReader.String(context, "source-url"),
        };
    }
}
