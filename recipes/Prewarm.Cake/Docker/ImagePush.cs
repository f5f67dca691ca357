using Cake.Core;
using Cake.Core.Diagnostics;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Docker;

/// <summary>
/// Pushes what the integrated BuildKit built (it cannot push as part of the build): every tag in
/// turn with <c>docker push</c>. The first refusal stops the task with one line naming the tag.
/// </summary>
internal sealed class ImagePush(ICakeContext context, DockerEngine engine)
{
    public void PushAll(IReadOnlyList<string> tags)
    {
        var docker = new DockerCommandTool(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools);
        var settings = new DockerCommandSettings { ToolPath = engine.Cli };
        foreach (var tag in tags)
        {
            var started = DateTime.UtcNow;
            var result = docker.Push(settings, tag, line => context.Log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", line));
            if (!result.Succeeded)
            {
                throw new PrewarmException(DockerEngineErrors.Explain($"docker push {tag}", result.Error)
                    ?? PushFailure.Explain(tag, result.Output + "\n" + result.Error));
            }

            context.Log.Information("Pushed {0} in {1:0.0} s.", tag, (DateTime.UtcNow - started).TotalSeconds);
        }
    }
}
