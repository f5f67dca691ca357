using System.Globalization;
using Prewarm.Core.Docker;
using Prewarm.Core.Toolchain;

namespace Prewarm.Core.Diagnostics;

/// <summary>
/// The seed's troubleshooting cases as pure decisions over facts the Cake layer gathers
/// (owners from <c>stat</c>, free space from <c>df</c>, markers on disk). Each non-ok finding names its fix.
/// </summary>
public static class DoctorChecks
{
    /// <summary>A cache directory must belong to the uid/gid the build runs as, else cargo and sccache
    /// fail with "Permission denied (os error 13)".</summary>
    public static DoctorFinding Ownership(string what, string path, int ownerUid, int ownerGid, int buildUid, int buildGid)
    {
        var check = $"{what} owner";
        if (ownerUid == buildUid && ownerGid == buildGid)
        {
            return new DoctorFinding(check, DoctorSeverity.Ok, Invariant($"{path} is owned by {ownerUid}:{ownerGid}, the build user"));
        }

        return new DoctorFinding(check, DoctorSeverity.Problem, Invariant(
            $"{path} is owned by {ownerUid}:{ownerGid}, not the build user {buildUid}:{buildGid}: builds fail with 'Permission denied (os error 13)'; fix: chown -R {buildUid}:{buildGid} {path} (in a Dockerfile: RUN --mount=type=cache,target={path},uid={buildUid},gid={buildGid})"));
    }

    public static DoctorFinding Writable(string what, string path, bool writable) =>
        writable
            ? new DoctorFinding($"{what} writable", DoctorSeverity.Ok, $"{path} is writable")
            : new DoctorFinding($"{what} writable", DoctorSeverity.Problem,
                $"{path} is not writable by this user (os error 13); fix: chown it to the build user or chmod u+rwX -R {path}");

    public static DoctorFinding Missing(string what, string path) =>
        new($"{what} exists", DoctorSeverity.Warning,
            $"{path} does not exist yet; fix: create it (mkdir -p {path}) owned by the build user, or let the first build create it");

    /// <summary>Enough free space for a target directory and caches; builds otherwise die mid-way with "No space left on device".</summary>
    public static DoctorFinding DiskSpace(string path, double availableGib, double minimumGib) =>
        availableGib >= minimumGib
            ? new DoctorFinding("disk space", DoctorSeverity.Ok, Invariant($"{availableGib:0.0} GiB free for {path}"))
            : new DoctorFinding("disk space", DoctorSeverity.Problem, Invariant(
                $"only {availableGib:0.0} GiB free for {path} (minimum {minimumGib:0.#} GiB); fix: free space (cargo clean, sccache cache trimming with SCCACHE_CACHE_SIZE, docker builder prune) or move the caches to a larger disk"));

    /// <summary>A marker left by an earlier Doctor run proves the directory survived between runs.</summary>
    public static DoctorFinding Persistence(string what, string path, int? previousRuns) =>
        previousRuns is { } runs
            ? new DoctorFinding($"{what} persists", DoctorSeverity.Ok, Invariant($"{path} kept the marker of {runs} earlier Doctor run(s)"))
            : new DoctorFinding($"{what} persists", DoctorSeverity.Warning,
                $"{path} has no marker from an earlier Doctor run: this is the first run, or the cache does not persist between builds; fix: keep it on a persistent volume (Docker: RUN --mount=type=cache,target={path}; CI: cache the directory between jobs) and run Doctor again");

    public static DoctorFinding Tool(string name, string? path, bool required, string install) =>
        path is not null
            ? new DoctorFinding($"{name} present", DoctorSeverity.Ok, $"{name} found at {path}")
            : new DoctorFinding($"{name} present", required ? DoctorSeverity.Problem : DoctorSeverity.Warning,
                $"{name} not found on PATH; fix: {install}");

    /// <summary>A platform given with <c>--platform</c> must run on this machine: natively or through an
    /// enabled binfmt_misc handler (see <see cref="BinfmtSupport"/>); else its RUN steps fail with "exec format error".</summary>
    public static DoctorFinding Emulation(BinfmtStatus status) =>
        new($"{status.Platform} runs", status.CanRun ? DoctorSeverity.Ok : DoctorSeverity.Problem, status.Message);

    /// <summary>The base image's cargo and rustc against the repositories' lockfiles, editions and
    /// <c>rust-version</c>s (<see cref="ToolchainRequirements"/>, the check the Image task makes before
    /// building): <paramref name="problem"/> is its one line; <paramref name="unknown"/> why the image
    /// could not be asked (a warning: the build will tell); no <paramref name="toolchain"/> and neither,
    /// nothing needed asking.</summary>
    public static DoctorFinding BaseImageToolchain(string image, ImageToolchain? toolchain, string? problem, string? unknown)
    {
        const string check = "base image toolchain";
        return (toolchain, problem, unknown) switch
        {
            (_, { } line, _) => new DoctorFinding(check, DoctorSeverity.Problem, line),
            (_, _, { } why) => new DoctorFinding(check, DoctorSeverity.Warning, $"{why}; fix: check that the base image exists and runs cargo and rustc"),
            ({ } found, _, _) => new DoctorFinding(check, DoctorSeverity.Ok, $"{image} has cargo {found.Cargo} and rustc {found.Rustc}: it reads the lockfiles and builds the editions and rust-versions of the repositories"),
            _ => new DoctorFinding(check, DoctorSeverity.Ok, "no lockfile, edition or rust-version of the repositories needs a particular cargo or rustc"),
        };
    }

    /// <summary>Reads <c>stat -c '%u %g'</c> output: owner uid and gid.</summary>
    public static (int Uid, int Gid) ParseOwner(string statOutput, string origin)
    {
        var fields = statOutput.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 2
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
        {
            return (uid, gid);
        }

        throw new PrewarmException($"{origin}: expected '<uid> <gid>', got '{statOutput.Trim()}'");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
