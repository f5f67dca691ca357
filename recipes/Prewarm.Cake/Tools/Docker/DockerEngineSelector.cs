namespace Prewarm.Cake.Tools.Docker;

/// <summary>
/// Finds a docker CLI that can build with BuildKit. Machines differ: the first docker on PATH may
/// lack buildx and be 23.0 or newer (then <c>DOCKER_BUILDKIT=1</c> is refused), while an older CLI
/// elsewhere (e.g. Debian's docker.io in /usr/bin) still drives the integrated BuildKit. So every
/// candidate is asked, in order: the first with buildx wins; else the first old enough.
/// </summary>
public sealed class DockerEngineSelector(ICakeContext context)
{
    /// <summary>Well-known places beyond PATH, in the order they are tried.</summary>
    public static IReadOnlyList<string> WellKnownPaths { get; } = ["/usr/bin/docker", "/usr/local/bin/docker", "/bin/docker"];

    public IReadOnlyList<FilePath> Candidates(string? explicitCli)
    {
        if (!string.IsNullOrEmpty(explicitCli))
        {
            return [new FilePath(explicitCli).MakeAbsolute(context.Environment)];
        }

        var onPath = (context.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "docker"));
        return onPath.Concat(WellKnownPaths)
            .Where(File.Exists)
            .Select(path => Path.GetFullPath(path))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new FilePath(path))
            .ToList();
    }

    /// <summary>The engine to build with; a one-line <see cref="PrewarmException"/> when there is
    /// no docker CLI, the daemon is down or unreachable, or no CLI can use BuildKit.</summary>
    public DockerEngine Select(string? explicitCli = null)
    {
        var candidates = Candidates(explicitCli);
        if (candidates.Count == 0)
        {
            throw new PrewarmException("docker: no docker CLI found on PATH or in " + string.Join(", ", WellKnownPaths) + ": install docker.io (tests/setup.sh does).");
        }

        var refused = new List<string>();
        DockerEngine? integrated = null;
        foreach (var cli in candidates)
        {
            var settings = new DockerVersionSettings { ToolPath = cli };
            var (version, result) = context.DockerVersion(settings);
            if (version is null || !version.HasServer)
            {
                var command = $"{cli.FullPath} version";
                throw new PrewarmException(DockerEngineErrors.Explain(command, result.Error)
                    ?? $"{command}: the engine did not answer: {result.ErrorSummary}");
            }

            var buildx = context.DockerBuildxVersion(settings);
            if (buildx is not null)
            {
                return new DockerEngine(cli, DockerBuildMode.Buildx, version, buildx);
            }

            if (version.ClientSupportsIntegratedBuildKit)
            {
                integrated ??= new DockerEngine(cli, DockerBuildMode.IntegratedBuildKit, version, null);
            }
            else
            {
                refused.Add($"{cli.FullPath} {version.ClientVersion}");
            }
        }

        return integrated ?? throw new PrewarmException(
            $"docker: no CLI can build with BuildKit: {string.Join(", ", refused)} lack buildx, and CLIs from 23.0 on refuse DOCKER_BUILDKIT=1 without it; install docker-buildx or a docker CLI before 23.0.");
    }
}
