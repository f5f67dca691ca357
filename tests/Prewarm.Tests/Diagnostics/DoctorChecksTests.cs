using Prewarm.Core;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Tests.Diagnostics;

[TestFixture]
public sealed class DoctorChecksTests
{
    [Test]
    public void Foreign_owner_names_os_error_13_and_the_chown_fix()
    {
        var finding = DoctorChecks.Ownership("SCCACHE_DIR", "/cache/sccache", 0, 0, 1000, 1000);

        finding.Severity.ShouldBe(DoctorSeverity.Problem);
        finding.Message.ShouldContain("os error 13");
        finding.Message.ShouldContain("chown -R 1000:1000 /cache/sccache");
        DoctorChecks.Ownership("SCCACHE_DIR", "/cache/sccache", 1000, 1000, 1000, 1000).Severity.ShouldBe(DoctorSeverity.Ok);
    }

    [Test]
    public void Low_disk_space_and_missing_persistence_name_their_fix()
    {
        DoctorChecks.DiskSpace("/", 1.5, 5).Message.ShouldContain("fix: free space");
        DoctorChecks.DiskSpace("/", 6, 5).Severity.ShouldBe(DoctorSeverity.Ok);
        DoctorChecks.Persistence("target directory", "/t", null).Message.ShouldContain("--mount=type=cache,target=/t");
        DoctorChecks.Persistence("target directory", "/t", 2).Severity.ShouldBe(DoctorSeverity.Ok);
    }

    [Test]
    public void A_missing_required_tool_is_a_problem_an_optional_one_a_warning()
    {
        DoctorChecks.Tool("cargo", null, required: true, "install rustup").Severity.ShouldBe(DoctorSeverity.Problem);
        DoctorChecks.Tool("docker", null, required: false, "install docker").Severity.ShouldBe(DoctorSeverity.Warning);
        DoctorChecks.Tool("docker", null, required: false, "install docker").Message.ShouldContain("fix: install docker");
    }

    [Test]
    public void Reads_stat_owner_output()
    {
        DoctorChecks.ParseOwner("1000 100\n", "stat").ShouldBe((1000, 100));
        Should.Throw<PrewarmException>(() => DoctorChecks.ParseOwner("stat: cannot stat", "stat -c '%u %g' /x")).Message.ShouldStartWith("stat -c '%u %g' /x:");
    }
}
