using Prewarm.Cake.Docker;
using Prewarm.Core.Scanning;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Diagnostics;

/// <summary>
/// Doctor: the check the Image task makes before building (<see cref="ToolchainPrerequisites"/>), on the
/// <c>--repo</c>s as they are now (scanned here: Doctor depends on no other task) against the base image
/// (or <c>--builder-image</c>, which the Dockerfile then builds FROM). Null when no repository has a
/// Cargo.toml at its root.
/// </summary>
internal static class BaseImageToolchainCheck
{
    public static DoctorFinding? Examine(PrewarmContext context)
    {
        var roots = context.Repositories.Select(r => r.FullPath).Where(r => File.Exists(Path.Combine(r, "Cargo.toml"))).ToList();
        if (roots.Count == 0)
        {
            return null;
        }

        var docker = context.Settings.Docker;
        var image = docker.BuilderImage ?? docker.BaseImage;
        try
        {
            var sources = RepositoryScanner.ScanAll(roots, context.Settings.Scan.Exclude)
                .Select((repository, i) => new ToolchainSource(roots[i], repository)).ToList();
            var engine = new DockerEngineSelector(context).Select(docker.DockerCli);
            var check = new ToolchainPrerequisites(context, engine, context.Layout);
            var verdict = check.Examine(sources, image, check.PlatformFor(docker.Platforms, docker.Cross));
            return DoctorChecks.BaseImageToolchain(image, verdict.Toolchain, verdict.Problem, verdict.Unknown);
        }
        catch (PrewarmException e)
        {
            return DoctorChecks.BaseImageToolchain(image, null, null, e.Message);
        }
    }
}
