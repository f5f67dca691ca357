using System.Globalization;
using Cake.Common;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Cake.Docker;
using Prewarm.Cake.Support;
using Prewarm.Cake.Tools.Docker;
using Prewarm.Core;
using Prewarm.Core.Diagnostics;
using Prewarm.Core.Docker;
using Prewarm.Core.Verification;
using Prewarm.Frosting;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Diagnoses the seed's troubleshooting cases, each with its fix: tools missing, cache directories
/// (CARGO_HOME, the target directory, SCCACHE_DIR) not owned by or not writable for the build user
/// (<c>--uid</c>/<c>--gid</c>, default the current user), low disk space (<c>--min-free-gb=5</c>), and
/// caches that do not persist (a marker left by the previous Doctor run is missing), with
/// <c>--push</c>, a registry named by <c>--tag</c> that does not answer, and with <c>--platform</c>,
/// a platform this machine cannot run (no enabled binfmt_misc handler for it).
/// Directories: <c>--cargo-home</c>, <c>--target-dir</c>, <c>--sccache-dir</c>. Writes <c>doctor/doctor.json|md</c>.
/// </summary>
[TaskName("Doctor")]
[TaskDescription("Diagnoses cache ownership, cache persistence, disk space and missing tools, naming the fix.")]
public sealed class DoctorTask : FrostingTask<PrewarmContext>
{
    /// <summary>Left in each cache directory; its content is how many Doctor runs saw it.</summary>
    public const string MarkerFileName = ".prewarm-doctor-marker";

    public override void Run(PrewarmContext context)
    {
        var findings = new List<DoctorFinding>
        {
            Tool(context, "cargo", required: true, "install Rust with rustup (https://rustup.rs) or apt-get install cargo"),
            Tool(context, "rustc", required: true, "install Rust with rustup or apt-get install rustc"),
            Tool(context, "sccache", required: false, "apt-get install sccache or cargo install sccache, then set RUSTC_WRAPPER=sccache"),
            Tool(context, "docker", required: false, "install a Docker engine with BuildKit (apt-get install docker.io) to build images"),
        };

        var platforms = context.Settings.Docker.Platforms;
        if (platforms.Count > 0)
        {
            // PREWARM_BINFMT_MISC: another binfmt_misc directory (tests); the kernel's by default.
            var binfmt = context.Environment.GetEnvironmentVariable("PREWARM_BINFMT_MISC") ?? BinfmtSupport.DefaultDirectory;
            findings.AddRange(BinfmtSupport.Check(platforms, BinfmtSupport.HostPlatform(), binfmt).Select(DoctorChecks.Emulation));
        }

        var settings = context.Settings.Doctor;
        var uid = settings.Uid ?? CurrentId(context, "-u");
        var gid = settings.Gid ?? CurrentId(context, "-g");
        var minimumGib = settings.MinFreeGb;
        var home = context.Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var directories = new (string What, string Path)[]
        {
            ("CARGO_HOME", settings.CargoHome ?? context.Environment.GetEnvironmentVariable("CARGO_HOME") ?? System.IO.Path.Combine(home, ".cargo")),
            ("target directory", context.Settings.Cook.TargetDirectory ?? context.Environment.GetEnvironmentVariable("CARGO_TARGET_DIR") ?? context.Repositories[0].Combine("target").FullPath),
            ("SCCACHE_DIR", settings.SccacheDir ?? context.Environment.GetEnvironmentVariable("SCCACHE_DIR") ?? System.IO.Path.Combine(home, ".cache", "sccache")),
        };

        var mounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (what, raw) in directories)
        {
            var path = new DirectoryPath(raw).MakeAbsolute(context.Environment).Collapse().FullPath;
            if (!Directory.Exists(path))
            {
                findings.Add(DoctorChecks.Missing(what, path));
            }
            else
            {
                var owner = DoctorChecks.ParseOwner(Capture(context, "stat", $"-c \"%u %g\" \"{path}\""), $"stat -c '%u %g' {path}");
                findings.Add(DoctorChecks.Ownership(what, path, owner.Uid, owner.Gid, uid, gid));
                var writable = IsWritable(path);
                findings.Add(DoctorChecks.Writable(what, path, writable));
                findings.Add(DoctorChecks.Persistence(what, path, ReadMarker(path)));
                if (writable)
                {
                    WriteMarker(path);
                }
            }

            var existing = NearestExisting(path);
            var disk = DfParser.Parse(Capture(context, "df", $"-Pk \"{existing}\""), $"df -Pk {existing}")[0];
            if (mounts.Add(disk.MountedOn))
            {
                findings.Add(DoctorChecks.DiskSpace(disk.MountedOn, disk.AvailableGib, minimumGib));
            }
        }

        findings.AddRange(PushTargets(context));
        if (context.Settings.Docker.Cross)
        {
            findings.Add(CrossToolchain(context));
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

        var directory = new DirectoryPath(context.Layout.DoctorDirectory);
        DoctorReportWriter.Write(findings, directory.FullPath);
        context.Log.Information("Wrote {0}", directory.CombineWithFilePath("doctor.md").FullPath);

        var problems = findings.Where(f => f.Severity == DoctorSeverity.Problem).ToArray();
        if (problems.Length > 0)
        {
            var more = problems.Length > 1 ? $" (+{problems.Length - 1} more, see doctor.md)" : string.Empty;
            throw new PrewarmException($"Doctor found {problems.Length} problem(s): {problems[0].Check}: {problems[0].Message}{more}");
        }
    }

    /// <summary>With --cross, the base image as the build platform runs it must hold each --platform's
    /// linker and Rust standard library (the same check the Image task makes before building).</summary>
    private static DoctorFinding CrossToolchain(PrewarmContext context)
    {
        const string check = "cross toolchain";
        var docker = context.Settings.Docker;
        try
        {
            var engine = new DockerEngineSelector(context).Select(docker.DockerCli);
            IReadOnlyList<BuildPlatform> platforms = docker.Platforms.Count > 0 ? docker.Platforms : [engine.NativePlatform];
            var problem = new CrossPrerequisites(context, engine).Problem(platforms, docker.BaseImage);
            return problem is null
                ? new DoctorFinding(check, DoctorSeverity.Ok, $"{docker.BaseImage} cross-compiles for {string.Join(", ", platforms)} on {engine.NativePlatform}")
                : new DoctorFinding(check, DoctorSeverity.Problem, problem);
        }
        catch (PrewarmException e)
        {
            return new DoctorFinding(check, DoctorSeverity.Problem, e.Message);
        }
    }

    /// <summary>With --push, each registry a --tag names must answer, or the build's push would fail
    /// after the whole build.</summary>
    private static IEnumerable<DoctorFinding> PushTargets(PrewarmContext context)
    {
        if (!context.Settings.Docker.Push)
        {
            yield break;
        }

        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var group in context.Settings.Docker.Tags.GroupBy(Prewarm.Core.Docker.PushFailure.RegistryOf, StringComparer.Ordinal))
        {
            var registry = group.Key == "docker.io" ? "registry-1.docker.io" : group.Key;
            int? status = null;
            string? failure = null;
            try
            {
                using var answer = http.GetAsync(RegistryCheck.ProbeUri(registry)).GetAwaiter().GetResult();
                status = (int)answer.StatusCode;
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException)
            {
                failure = e.InnerException?.Message ?? e.Message;
            }

            yield return RegistryCheck.Finding(registry, group.First(), status, failure);
        }
    }

    private static DoctorFinding Tool(ICakeContext context, string name, bool required, string install) =>
        DoctorChecks.Tool(name, context.Tools.Resolve(name)?.FullPath, required, install);

    private static int CurrentId(ICakeContext context, string flag) =>
        int.Parse(Capture(context, "id", flag).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Runs a small system tool through Cake's process runner and returns its standard output.</summary>
    private static string Capture(ICakeContext context, string tool, string arguments)
    {
        var exitCode = context.StartProcess(
            tool,
            new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true, RedirectStandardError = true },
            out var output,
            out var errors);
        if (exitCode != 0)
        {
            throw new PrewarmException($"{tool} {arguments}: exit code {exitCode}: {errors.LastOrDefault() ?? string.Empty}");
        }

        return string.Join("\n", output);
    }

    private static bool IsWritable(string path)
    {
        var probe = System.IO.Path.Combine(path, $".prewarm-doctor-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int? ReadMarker(string path)
    {
        var marker = System.IO.Path.Combine(path, MarkerFileName);
        return File.Exists(marker) && int.TryParse(File.ReadAllText(marker).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var runs)
            ? runs
            : null;
    }

    private static void WriteMarker(string path)
    {
        var runs = (ReadMarker(path) ?? 0) + 1;
        Prewarm.Core.IO.AtomicFile.WriteAllText(System.IO.Path.Combine(path, MarkerFileName), runs.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    private static string NearestExisting(string path)
    {
        var directory = new DirectoryInfo(path);
        while (!directory.Exists && directory.Parent is not null)
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
