using Prewarm.Core;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Tests.Diagnostics;

[TestFixture]
public sealed class DfParserTests
{
    [Test]
    public void Reads_real_df_output()
    {
        var disks = DfParser.Parse(Verification.TestData.Read("df-Pk.txt"), "df -Pk /tmp");

        disks.Count.ShouldBe(1);
        disks[0].ShouldBe(new DiskSpace("/dev/vda", 264212084, 14769852, 82008120, "/"));
        disks[0].AvailableGib.ShouldBe(78.2, 0.1);
    }

    [Test]
    public void Keeps_spaces_in_mount_points()
    {
        var disks = DfParser.Parse("Filesystem 1024-blocks Used Available Capacity Mounted on\nserver:/x 100 40 60 40% /mnt/my disk\n", "df");

        disks[0].MountedOn.ShouldBe("/mnt/my disk");
    }

    [Test]
    public void Rejects_other_output()
    {
        Should.Throw<PrewarmException>(() => DfParser.Parse("df: /nope: No such file or directory\n", "df -Pk /nope"))
            .Message.ShouldStartWith("df -Pk /nope: expected the 'Filesystem");
        Should.Throw<PrewarmException>(() => DfParser.Parse("Filesystem x\n/dev/a lots used\n", "df -Pk /"))
            .Message.ShouldStartWith("df -Pk /: line 2:");
    }
}
