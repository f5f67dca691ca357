using Prewarm.Cake.Docker;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Diagnostics;

/// <summary>
/// Doctor with <c>--cross</c>: the base image, as the build platform runs it, must hold each
/// <c>--platform</c>'s linker and Rust standard library (the check the Image task makes before building).
/// </summary>
internal static class CrossToolchainCheck
{
    private const string Check = "cross toolchain";

    public static DoctorFinding Examine(PrewarmContext context)
    {
        var docker = context.Settings.Docker;
        try
        {
            var engine = new DockerEngineSelector(context).Select(docker.DockerCli);
            IReadOnlyList<BuildPlatform> platforms = docker.Platforms.Count > 0 ? docker.Platforms : [engine.NativePlatform];
            var problem = new CrossPrerequisites(context, engine).Problem(platforms, docker.BaseImage);
            return problem is null
                ? new DoctorFinding(Check, DoctorSeverity.Ok, $"{docker.BaseImage} cross-compiles for {string.Join(", ", platforms)} on {engine.NativePlatform}")
                : new DoctorFinding(Check, DoctorSeverity.Problem, problem);
        }
        catch (PrewarmException e)
        {
            return new DoctorFinding(Check, DoctorSeverity.Problem, e.Message);
        }
    }
}
