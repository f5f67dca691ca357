using Cake.Core;
using Prewarm.Cake.Support;
using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>Reads <see cref="ImageOptions"/> from the command line, validating every value.</summary>
internal static class ImageArguments
{
    public static ImageOptions Read(ICakeContext context)
    {
        var platforms = TaskArguments.Values(context, "platform");
        var frontend = TaskArguments.Text(context, "frontend") ?? "auto";
        if (frontend is not ("auto" or "directive" or "builtin"))
        {
            throw new PrewarmException($"--frontend={frontend}: expected auto, directive or builtin.");
        }

        var progress = TaskArguments.Text(context, "progress") ?? "plain";
        if (progress is not ("plain" or "auto" or "tty" or "quiet"))
        {
            throw new PrewarmException($"--progress={progress}: expected plain, auto, tty or quiet.");
        }

        var tags = TaskArguments.Values(context, "tag");
        var badTag = tags.FirstOrDefault(t => t.Any(char.IsWhiteSpace) || t.StartsWith('-'));
        if (badTag is not null)
        {
            throw new PrewarmException($"--tag '{badTag}': not an image reference.");
        }

        return new ImageOptions
        {
            Platforms = BuildPlatform.ParseList(platforms),
            Tags = tags,
            CacheFrom = TaskArguments.Values(context, "cache-from").Select(v => CacheSpec.Parse(v, export: false)).ToList(),
            CacheTo = TaskArguments.Values(context, "cache-to").Select(v => CacheSpec.Parse(v, export: true)).ToList(),
            Secrets = TaskArguments.Values(context, "secret").Select(SecretSpec.Parse).ToList(),
            BuildArgs = TaskArguments.Values(context, "build-arg").Select(BuildArguments.Parse).ToList(),
            Push = TaskArguments.Switch(context, "push", false),
            Load = TaskArguments.Switch(context, "load", false),
            Builder = TaskArguments.Text(context, "builder"),
            Progress = progress,
            DockerCli = TaskArguments.Text(context, "docker"),
            Frontend = frontend,
            ImageVersion = TaskArguments.Text(context, "image-version"),
            SourceUrl = TaskArguments.Text(context, "source-url"),
        };
    }
}
