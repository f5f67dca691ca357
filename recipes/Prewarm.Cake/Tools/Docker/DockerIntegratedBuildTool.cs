namespace Prewarm.Cake.Tools.Docker;

/// <summary>
/// The fallback when no docker CLI has buildx: <c>DOCKER_BUILDKIT=1 docker build</c>, which makes
/// a CLI before 23.0 hand the build to the engine's integrated BuildKit. It builds the engine's
/// own platform into the engine's image store only.
/// </summary>
public sealed class DockerIntegratedBuildTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerToolBase<DockerBuildxBuildSettings>(fileSystem, environment, processRunner, tools, log)
{
    /// <summary>Builds for <paramref name="native"/>; <paramref name="dropped"/> says what of the
    /// settings could not be honoured.</summary>
    public ToolResult Build(DockerBuildxBuildSettings settings, BuildPlatform native, out IReadOnlyList<string> dropped, Action<string>? onProgress = null)
    {
        var arguments = DockerBuildCommandLine.ForIntegratedBuildKit(settings, native, out dropped);
        return Execute(settings, arguments, onProgress);
    }

    /// <summary><c>DOCKER_BUILDKIT=1</c>: the CLI hands the build to the engine's BuildKit.</summary>
    protected override IDictionary<string, string> GetEnvironmentVariables(DockerBuildxBuildSettings settings) =>
        EnvironmentWith(settings, ("DOCKER_BUILDKIT", "1"));
}
