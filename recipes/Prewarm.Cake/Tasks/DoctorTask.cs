using Cake.Frosting;
using Prewarm.Cake.Diagnostics;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Diagnoses the seed's troubleshooting cases, each with its fix: tools missing, cache directories
/// (CARGO_HOME, the target directory, SCCACHE_DIR) not owned by or not writable for the build user
/// (<c>--uid</c>/<c>--gid</c>, default 1001 as in the Dockerfile), low disk space (<c>--min-free-gb=5</c>), and
/// caches that do not persist (a marker left by the previous Doctor run is missing), with
/// <c>--push</c>, a registry named by <c>--tag</c> that does not answer, and with <c>--platform</c>,
/// a platform this machine cannot run (no enabled binfmt_misc handler for it), and a base image whose
/// cargo or rustc is older than the repositories' lockfile, edition or rust-version needs.
/// Directories: <c>--cargo-home</c>, <c>--target-dir</c>, <c>--sccache-dir</c>. Writes <c>doctor/doctor.json|md</c>.
/// </summary>
[TaskName("Doctor")]
[TaskDescription("Diagnoses cache ownership, cache persistence, disk space and missing tools, naming the fix.")]
public sealed class DoctorTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var settings = context.Settings.Doctor;
        var environment = context.Environment;
        var findings = DoctorTool.All.Select(tool => tool.Finding(context.Tools.Resolve(tool.Name)?.FullPath)).ToList();
        var docker = context.Settings.Docker;
        if (docker.Platforms.Count > 0)
        {
            // PREWARM_BINFMT_MISC: another binfmt_misc directory (tests); the kernel's by default.
            var binfmt = environment.GetEnvironmentVariable("PREWARM_BINFMT_MISC") ?? BinfmtSupport.DefaultDirectory;
            findings.AddRange(BinfmtSupport.Check(docker.Platforms, BinfmtSupport.HostPlatform(), binfmt).Select(DoctorChecks.Emulation));
        }

        var directories = CacheDirectory.Resolve(settings.CargoHome, context.Settings.Cook.TargetDirectoryFor(context.Repositories[0].FullPath), settings.SccacheDir,
            environment.WorkingDirectory.FullPath, environment.GetEnvironmentVariable("HOME"));
        findings.AddRange(new CacheExamination(new ToolCacheProbe(context)).Examine(directories, settings.Uid, settings.Gid, settings.MinFreeGb));
        if (docker.Push)
        {
            // The run's --tag, and each declared service's own tags.
            findings.AddRange(RegistryCheck.Probe([.. docker.Tags, .. context.Builds.SelectMany(b => b.Service?.Tags ?? [])]));
        }

        if (docker.Cross)
        {
            findings.Add(CrossToolchainCheck.Examine(context));
        }

        if (BaseImageToolchainCheck.Examine(context) is { } toolchain)
        {
            findings.Add(toolchain);
        }

        foreach (var finding in findings)
        {
            var level = finding.Severity switch
            {
                DoctorSeverity.Ok => LogLevel.Information,
                DoctorSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Error,
            };
            context.Log.Write(Verbosity.Normal, level, "{0,-8} {1}: {2}", DoctorReportWriter.Name(finding.Severity), finding.Check, finding.Message);
        }

        DoctorReportWriter.Write(findings, context.Layout.DoctorDirectory);
        context.Log.Information("Wrote {0}", Path.Combine(context.Layout.DoctorDirectory, "doctor.md"));
        if (DoctorVerdict.Failure(findings) is { } failure)
        {
            throw new PrewarmException(failure);
        }
    }
}
