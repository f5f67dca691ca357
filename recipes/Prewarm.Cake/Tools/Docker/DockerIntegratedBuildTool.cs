using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Core.Docker;

namespace Prewarm.Cake.Tools.Docker;

/// <summary>
/// The fallback when no docker CLI has buildx: <c>DOCKER_BUILDKIT=1 docker build</c>, which makes
/// a CLI before 23.0 hand the build to the engine's integrated BuildKit. It builds the engine's
/// own platform into the engine's image store only.
/// </summary>
public sealed class DockerIntegratedBuildTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : DockerToolBase<DockerBuildxBuildSettings>(fileSystem, environment, processRunner, tools)
{
    /// <summary>Builds for <paramref name="native"/>; <paramref name="dropped"/> says what of the
    /// settings could not be honoured.</summary>
    public DockerRunResult Build(DockerBuildxBuildSettings settings, BuildPlatform native, out IReadOnlyList<string> dropped, Action<string>? onProgress = null)
    {
        var arguments = DockerBuildCommandLine.ForIntegratedBuildKit(settings, native, out dropped);
        settings.EnvironmentVariables ??= new Dictionary<string, string>(StringComparer.Ordinal);
        settings.EnvironmentVariables["DOCKER_BUILDKIT"] = "1";
        return Execute(settings, arguments, onProgress);
    }
}
