using System.Runtime.InteropServices;
using Prewarm.Core.Diagnostics;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>
/// BinfmtSupport against the real /proc/sys/fs/binfmt_misc (after tests/setup.sh) and against
/// Fixtures/binfmt_misc/qemu-user-static: every entry Debian's qemu-user-static 7.2 and
/// binfmt-support register, in the kernel's format (qemu-aarch64 is a copy of the kernel's own
/// file on an amd64 machine; the others written from /usr/share/binfmts the same way).
/// </summary>
[TestFixture]
public sealed class BinfmtSupportTests
{
    private static readonly BuildPlatform Amd64 = BuildPlatform.Parse("linux/amd64");
    private static readonly BuildPlatform Arm64 = BuildPlatform.Parse("linux/arm64");

    private static string Fixture => Path.Combine(RepositoryLayout.Root, "tests", "Prewarm.Tests", "Docker", "Fixtures", "binfmt_misc", "qemu-user-static");

    [Test]
    public void This_machine_runs_arm64_through_the_handler_setup_registered()
    {
        var native = BinfmtSupport.HostPlatform();
        if (native != Amd64)
        {
            Assert.Ignore($"this check is about an amd64 machine; this one is {native}");
        }

        var status = BinfmtSupport.Check(Arm64, native);
        if (!status.CanRun)
        {
            const string why = "tests/setup.sh registers qemu-aarch64 (qemu-user-static, binfmt-support)";
            if (DockerRequirement.Required)
            {
                Assert.Fail($"{why}, but: {status.Message}");
            }

            Assert.Ignore($"{why}; not run here: {status.Message}");
        }

        status.Handler.ShouldBe("qemu-aarch64");
        status.Interpreter.ShouldNotBeNull();
        status.Message.ShouldContain("linux/arm64 runs under emulation: qemu-aarch64");
        BinfmtSupport.Check(Amd64, native).CanRun.ShouldBeTrue();
        BinfmtSupport.Check(BuildPlatform.Parse("linux/386"), native).Message.ShouldBe("linux/386 runs natively on linux/amd64");
    }

    [Test]
    public void The_host_platform_is_named_the_way_platforms_are()
    {
        BinfmtSupport.HostPlatform(Architecture.X64).ShouldBe(Amd64);
        BinfmtSupport.HostPlatform(Architecture.Arm64).ShouldBe(Arm64);
        BinfmtSupport.HostPlatform(Architecture.S390x).ToString().ShouldBe("linux/s390x");
        BinfmtSupport.HostPlatform().Os.ShouldBe("linux");
    }

    [TestCase("linux/arm64", "qemu-aarch64")]
    [TestCase("linux/arm/v7", "qemu-arm")]
    [TestCase("linux/arm/v6", "qemu-arm")]
    [TestCase("linux/ppc64le", "qemu-ppc64le")]
    [TestCase("linux/s390x", "qemu-s390x")]
    [TestCase("linux/riscv64", "qemu-riscv64")]
    [TestCase("linux/mips64le", "qemu-mips64el")]
    [TestCase("linux/mips64", "qemu-mips64")]
    [TestCase("linux/loong64", "qemu-loongarch64")]
    public void Each_foreign_platform_is_matched_to_its_handler_by_elf_magic(string platform, string handler)
    {
        var status = BinfmtSupport.Check(BuildPlatform.Parse(platform), Amd64, Fixture);

        status.CanRun.ShouldBeTrue(status.Message);
        status.Handler.ShouldBe(handler); // not armeb, ppc64, riscv32, mipsn32: other byte order or class
        status.Interpreter.ShouldStartWith("/usr/libexec/qemu-binfmt/");
    }

    [Test]
    public void The_native_platform_needs_no_handler_and_a_foreign_host_needs_one_for_amd64()
    {
        using var empty = new TemporaryDirectory("prewarm-binfmt-");

        BinfmtSupport.Check(Amd64, Amd64, empty.Path).CanRun.ShouldBeTrue();
        BinfmtSupport.Check(BuildPlatform.Parse("linux/arm/v7"), Arm64, empty.Path).CanRun.ShouldBeTrue();

        // Debian registers no qemu-x86_64 on amd64 machines, so the fixture has none: an arm64 machine with it cannot build amd64.
        var amd64OnArm = BinfmtSupport.Check(Amd64, Arm64, Fixture);
        amd64OnArm.CanRun.ShouldBeFalse();
        amd64OnArm.Message.ShouldBe($"install qemu-user-static and binfmt-support (or run tonistiigi/binfmt); no handler for linux/amd64 in {Fixture}");
        BinfmtSupport.Check(BuildPlatform.Parse("linux/386"), Arm64, Fixture).CanRun.ShouldBeFalse();
    }

    [Test]
    public void No_handler_names_the_packages_to_install()
    {
        using var directory = Copy(entry => entry != "qemu-aarch64");

        var status = BinfmtSupport.Check(Arm64, Amd64, directory.Path);

        status.CanRun.ShouldBeFalse();
        status.Handler.ShouldBeNull();
        status.Message.ShouldBe($"install qemu-user-static and binfmt-support (or run tonistiigi/binfmt); no handler for linux/arm64 in {directory.Path}");
        BinfmtSupport.Check(BuildPlatform.Parse("linux/s390x"), Amd64, directory.Path).CanRun.ShouldBeTrue();
    }

    [Test]
    public void A_handler_under_another_name_counts_by_its_magic_and_a_name_alone_does_not()
    {
        using var directory = Copy(entry => entry is "status" or "register");
        File.Copy(Path.Combine(Fixture, "qemu-aarch64"), Path.Combine(directory.Path, "aarch64"));
        // An s390x handler called qemu-aarch64 is still an s390x handler.
        File.Copy(Path.Combine(Fixture, "qemu-s390x"), Path.Combine(directory.Path, "qemu-aarch64"));

        var arm64 = BinfmtSupport.Check(Arm64, Amd64, directory.Path);
        arm64.CanRun.ShouldBeTrue();
        arm64.Handler.ShouldBe("aarch64");
        BinfmtSupport.Check(BuildPlatform.Parse("linux/s390x"), Amd64, directory.Path).Handler.ShouldBe("qemu-aarch64");
    }

    [Test]
    public void A_disabled_handler_names_update_binfmts()
    {
        using var directory = Copy(_ => true);
        var entry = Path.Combine(directory.Path, "qemu-aarch64");
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("enabled\n", "disabled\n", StringComparison.Ordinal));

        var status = BinfmtSupport.Check(Arm64, Amd64, directory.Path);

        status.CanRun.ShouldBeFalse();
        status.Handler.ShouldBe("qemu-aarch64");
        status.Message.ShouldContain("is disabled; fix: update-binfmts --enable qemu-aarch64");
    }

    [Test]
    public void A_handler_without_the_fix_binary_flag_cannot_serve_containers()
    {
        using var directory = Copy(_ => true);
        var entry = Path.Combine(directory.Path, "qemu-aarch64");
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("flags: PF", "flags: P", StringComparison.Ordinal));

        var status = BinfmtSupport.Check(Arm64, Amd64, directory.Path);

        status.CanRun.ShouldBeFalse();
        status.Message.ShouldContain("lacks the F (fix-binary) flag");
        status.Message.ShouldContain("/usr/libexec/qemu-binfmt/aarch64-binfmt-P");
    }

    [Test]
    public void Binfmt_misc_disabled_or_not_mounted_is_said_so()
    {
        using var disabled = Copy(_ => true);
        File.WriteAllText(Path.Combine(disabled.Path, "status"), "disabled\n");
        using var unmounted = new TemporaryDirectory("prewarm-binfmt-");

        BinfmtSupport.Check(Arm64, Amd64, disabled.Path).Message.ShouldContain("binfmt_misc is disabled");
        var status = BinfmtSupport.Check(Arm64, Amd64, unmounted.Path);
        status.CanRun.ShouldBeFalse();
        status.Message.ShouldContain($"binfmt_misc is not mounted at {unmounted.Path}");
        status.Message.ShouldContain("install qemu-user-static and binfmt-support");
    }

    [Test]
    public void Several_platforms_at_once_and_as_doctor_findings()
    {
        using var directory = Copy(entry => entry != "qemu-riscv64");
        var platforms = BuildPlatform.ParseList(["linux/amd64,linux/arm64,linux/riscv64"]);

        var findings = BinfmtSupport.Check(platforms, Amd64, directory.Path).Select(DoctorChecks.Emulation).ToList();

        findings.Select(f => (f.Check, f.Severity)).ShouldBe(
        [
            ("linux/amd64 runs", DoctorSeverity.Ok),
            ("linux/arm64 runs", DoctorSeverity.Ok),
            ("linux/riscv64 runs", DoctorSeverity.Problem),
        ]);
        findings[2].Message.ShouldContain("no handler for linux/riscv64");
    }

    private static TemporaryDirectory Copy(Func<string, bool> keep)
    {
        var directory = new TemporaryDirectory("prewarm-binfmt-");
        foreach (var file in Directory.EnumerateFiles(Fixture).Where(f => keep(Path.GetFileName(f))))
        {
            File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
        }

        return directory;
    }
}
