using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Prewarm.Cake.Tools.Docker;

/// <summary><c>docker buildx build</c>.</summary>
public sealed class DockerBuildxTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools)
    : DockerToolBase<DockerBuildxBuildSettings>(fileSystem, environment, processRunner, tools)
{
    /// <summary>Builds; BuildKit's progress (stderr) goes to <paramref name="onProgress"/> line by line.</summary>
    public DockerRunResult Build(DockerBuildxBuildSettings settings, Action<string>? onProgress = null) =>
        Execute(settings, DockerBuildCommandLine.ForBuildx(settings), onProgress);
}
