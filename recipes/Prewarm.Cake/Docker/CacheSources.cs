namespace Prewarm.Cake.Docker;

/// <summary>Asks each registry <c>--cache-from</c> image's registry before the build (see <see cref="CacheSourceCheck"/>).</summary>
internal sealed class CacheSources(ICakeContext context, DockerEngine engine)
{
    /// <summary>The references that were not there (the build runs cold for them); throws for a registry that cannot be read.</summary>
    public IReadOnlyList<string> Check(IEnumerable<CacheSpec> sources)
    {
        var missing = new List<string>();
        foreach (var reference in sources.Where(s => s.Type == "registry").Select(s => s.Get("ref")).OfType<string>())
        {
            var insecure = ImageReference.OnLoopbackRegistry(reference);
            var answer = context.DockerManifestInspect(reference, new DockerManifestSettings { ToolPath = engine.Cli, Insecure = insecure });
            var output = answer.Output + "\n" + answer.Error;
            switch (CacheSourceCheck.Classify(answer.ExitCode, output))
            {
                case CacheSourceStatus.Unreachable:
                    throw new PrewarmException(DockerEngineErrors.Explain($"docker manifest inspect {reference}", answer.Error)
                        ?? CacheSourceCheck.UnreachableError(reference, output));
                case CacheSourceStatus.NotFound:
                    context.Log.Write(Verbosity.Quiet, LogLevel.Warning, "{0}", CacheSourceCheck.NotFoundWarning(reference));
                    missing.Add(reference);
                    break;
            }
        }

        return missing;
    }
}
