namespace Prewarm.Tests.Docker;

/// <summary>Doctor with <c>--platform</c>, run for real (build host process): a foreign platform without a
/// binfmt_misc handler is a problem naming the fix; on this machine after tests/setup.sh, arm64 runs.</summary>
[TestFixture]
[Category("Slow")] // starts the build host
public sealed class DoctorPlatformTests
{
    [Test]
    public async Task A_foreign_platform_without_a_handler_fails_doctor_naming_the_fix()
    {
        using var scratch = new TemporaryDirectory("prewarm-doctor-platform-");
        var binfmt = Directory.CreateDirectory(Path.Combine(scratch.Path, "binfmt_misc")).FullName;
        var fixture = Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Docker", "Fixtures", "binfmt_misc", "qemu-user-static");
        foreach (var file in Directory.EnumerateFiles(fixture).Where(f => Path.GetFileName(f) != "qemu-aarch64"))
        {
            File.Copy(file, Path.Combine(binfmt, Path.GetFileName(file)));
        }

        var result = await RunDoctorAsync(scratch.Path, new Dictionary<string, string> { ["PREWARM_BINFMT_MISC"] = binfmt }, "--platform=linux/amd64,linux/arm64,linux/s390x");

        result.ExitCode.ShouldNotBe(0, result.All);
        result.All.ShouldContain($"Doctor found 1 problem(s): linux/arm64 runs: install qemu-user-static and binfmt-support (or run tonistiigi/binfmt); no handler for linux/arm64 in {binfmt}");
        result.All.ShouldContain("linux/s390x runs: linux/s390x runs under emulation: qemu-s390x");
        File.ReadAllText(Path.Combine(scratch.Path, "artifacts", "doctor", "doctor.md")).ShouldContain("no handler for linux/arm64");
    }

    [Test]
    public async Task Arm64_runs_here_after_setup()
    {
        if (!File.Exists("/proc/sys/fs/binfmt_misc/qemu-aarch64") && !DockerRequirement.Required)
        {
            Assert.Ignore("qemu-aarch64 is not registered here; tests/setup.sh registers it");
        }

        using var scratch = new TemporaryDirectory("prewarm-doctor-platform-");

        var result = await RunDoctorAsync(scratch.Path, new Dictionary<string, string>(), "--platform=linux/arm64");

        result.ExitCode.ShouldBe(0, result.All);
        result.All.ShouldContain("linux/arm64 runs: linux/arm64 runs under emulation: qemu-aarch64");
    }

    /// <summary>Doctor on caches this process made: its own user is the build user (Doctor's default,
    /// the Dockerfile's 1001, would make their owner the problem instead of the platform).</summary>
    private static Task<BuildHostProcess.Result> RunDoctorAsync(string root, IReadOnlyDictionary<string, string> environment, string platform)
    {
        var cache = Directory.CreateDirectory(Path.Combine(root, "cache")).FullName;
        var (uid, gid) = ThisUser();
        return BuildHostProcess.RunWithEnvironmentAsync(root, environment,
            "--target=Doctor", platform, $"--artifacts={Path.Combine(root, "artifacts")}",
            $"--cargo-home={cache}", $"--target-dir={cache}", $"--sccache-dir={cache}", "--min-free-gb=0", $"--uid={uid}", $"--gid={gid}");
    }

    /// <summary>The effective user and group ids, from /proc/self/status ("Uid: real effective saved fs").</summary>
    private static (string Uid, string Gid) ThisUser()
    {
        var status = File.ReadAllLines("/proc/self/status");
        string Effective(string key) => status.Single(l => l.StartsWith(key, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];
        return (Effective("Uid:"), Effective("Gid:"));
    }
}
