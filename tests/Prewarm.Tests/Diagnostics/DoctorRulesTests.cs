using Prewarm.Core.Diagnostics;

namespace Prewarm.Tests.Diagnostics;

/// <summary>Doctor's rules on plain inputs: which directories, what each check finds, when it fails.</summary>
[TestFixture]
public sealed class DoctorRulesTests
{
    private sealed class FixedProbe(int uid, int gid, params DiskSpace[] disks) : ICacheProbe
    {
        public List<string> DiskAsked { get; } = [];

        public (int Uid, int Gid) Owner(string path) => (uid, gid);

        public DiskSpace Disk(string path)
        {
            DiskAsked.Add(path);
            return disks[Math.Min(DiskAsked.Count - 1, disks.Length - 1)];
        }
    }

    private static DiskSpace Free(double gib, string mount = "/") => new("/dev/sda1", 0, 0, (long)(gib * 1024 * 1024), mount);

    [Test]
    public void Directories_come_from_the_settings_then_the_tools_defaults()
    {
        CacheDirectory.Resolve("cargo", "/ct", null, "/work", "/home/u").ShouldBe([
            new CacheDirectory("CARGO_HOME", "/work/cargo"),
            new CacheDirectory("target directory", "/ct"),
            new CacheDirectory("SCCACHE_DIR", "/home/u/.cache/sccache"),
        ]);
        CacheDirectory.Resolve(null, "t", "/s", "/work", null).Select(d => d.Path).ShouldBe(["/root/.cargo", "/work/t", "/s"]);
    }

    [Test]
    public void An_owned_writable_cache_persists_from_the_second_run()
    {
        using var cache = new TemporaryDirectory("prewarm-doctor-rules-");
        var examination = new CacheExamination(new FixedProbe(1000, 1000, Free(50)));
        CacheDirectory[] directories = [new("CARGO_HOME", cache.Path)];

        var first = examination.Examine(directories, 1000, 1000, 5);
        var second = examination.Examine(directories, 1000, 1000, 5);

        first.Select(f => (f.Check, f.Severity)).ShouldBe([
            ("CARGO_HOME owner", DoctorSeverity.Ok), ("CARGO_HOME writable", DoctorSeverity.Ok),
            ("CARGO_HOME persists", DoctorSeverity.Warning), ("disk space", DoctorSeverity.Ok),
        ]);
        second.Single(f => f.Check == "CARGO_HOME persists").Severity.ShouldBe(DoctorSeverity.Ok);
        CacheExamination.ReadMarker(cache.Path).ShouldBe(2);
    }

    [Test]
    public void A_foreign_owner_and_low_disk_are_problems_and_each_disk_is_reported_once()
    {
        using var cache = new TemporaryDirectory("prewarm-doctor-rules-");
        var probe = new FixedProbe(0, 0, Free(1));
        var missing = Path.Combine(cache.Path, "not", "there");

        var findings = new CacheExamination(probe).Examine([new("CARGO_HOME", cache.Path), new("SCCACHE_DIR", missing)], 1000, 1000, 5);

        findings.Single(f => f.Check == "CARGO_HOME owner").Severity.ShouldBe(DoctorSeverity.Problem);
        findings.Single(f => f.Check == "SCCACHE_DIR exists").Severity.ShouldBe(DoctorSeverity.Warning);
        findings.Single(f => f.Check == "disk space").Message.ShouldStartWith("only 1.0 GiB free for /");
        probe.DiskAsked.ShouldBe([cache.Path, cache.Path]);   // a missing cache: the disk it would be created on
    }

    [Test]
    public void Doctor_fails_on_a_problem_not_on_a_warning()
    {
        DoctorFinding[] findings =
        [
            new("a", DoctorSeverity.Warning, "w"),
            new("b", DoctorSeverity.Problem, "first"),
            new("c", DoctorSeverity.Problem, "second"),
        ];

        DoctorVerdict.Failure(findings[..1]).ShouldBeNull();
        DoctorVerdict.Failure(findings[..2]).ShouldBe("Doctor found 1 problem(s): b: first");
        DoctorVerdict.Failure(findings).ShouldBe("Doctor found 2 problem(s): b: first (+1 more, see doctor.md)");
    }

    [Test]
    public void Cargo_and_rustc_are_required_sccache_and_docker_optional()
    {
        DoctorTool.All.Select(t => t.Finding(null).Severity).ShouldBe([DoctorSeverity.Problem, DoctorSeverity.Problem, DoctorSeverity.Warning, DoctorSeverity.Warning]);
        DoctorTool.All[0].Finding("/usr/bin/cargo").Message.ShouldBe("cargo found at /usr/bin/cargo");
    }

    [Test]
    public void Push_targets_are_asked_once_per_registry()
    {
        RegistryCheck.Targets(["127.0.0.1:5000/a:1", "127.0.0.1:5000/b:1", "acme/builder:1", "ghcr.io/acme/x:1"]).ShouldBe([
            ("127.0.0.1:5000", "127.0.0.1:5000/a:1"),
            ("registry-1.docker.io", "acme/builder:1"),
            ("ghcr.io", "ghcr.io/acme/x:1"),
        ]);
    }
}
