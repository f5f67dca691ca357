namespace Prewarm.Cake.Docker;

/// <summary>
/// Pushes what the integrated BuildKit built (it cannot push as part of the build): every tag in
/// turn with <c>docker push</c>, and for several platforms their per-platform tags joined under each
/// tag asked for with <c>docker manifest</c>. The first refusal stops the task with one line.
/// </summary>
internal sealed class ImagePush(ICakeContext context, DockerEngine engine)
{
    public void PushAll(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            var started = DateTime.UtcNow;
            var result = context.DockerPush(tag, engine.Settings<DockerPushSettings>(), line => context.Log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", line));
            if (!result.Succeeded)
            {
                throw new PrewarmException(DockerEngineErrors.Explain($"docker push {tag}", result.Error)
                    ?? PushFailure.Explain(tag, result.Output + "\n" + result.Error));
            }

            context.Log.Information("Pushed {0} in {1:0.0} s.", tag, (DateTime.UtcNow - started).TotalSeconds);
        }
    }

    /// <summary>One multi-platform tag (a manifest list) from the per-platform tags already pushed.</summary>
    /// <returns>The list's registry digest, <c>repository@sha256:…</c>, or null when the CLI printed none.</returns>
    public string? Join(string tag, IReadOnlyList<string> platformTags)
    {
        var manifest = new DockerManifestSettings { ToolPath = engine.Cli, Insecure = ImageReference.OnLoopbackRegistry(tag) };
        var create = context.DockerManifestCreate(tag, platformTags, manifest);
        var push = create.Succeeded ? context.DockerManifestPush(tag, manifest) : create;
        if (!push.Succeeded)
        {
            var verb = create.Succeeded ? "push" : "create";
            throw new PrewarmException(
                $"docker manifest {verb} {tag} failed: {PushFailure.Explain(tag, push.Output + "\n" + push.Error).Split(" failed: ", 2)[1]}");
        }

        var digest = ManifestPushOutput.ListDigest(push.Output);
        context.Log.Information("Pushed {0}: one tag for {1}{2}.", tag, string.Join(", ", platformTags), digest is null ? "" : $" ({digest})");
        return digest is null ? null : $"{ImageReference.Repository(tag)}@{digest}";
    }
}
