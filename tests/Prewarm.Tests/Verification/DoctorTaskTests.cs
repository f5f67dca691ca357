using System.Text.Json;
using Prewarm.Core.Diagnostics;

namespace Prewarm.Tests.Verification;

/// <summary>Doctor run for real (build host process, real stat/df/id, real directories).</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class DoctorTaskTests
{
    [Test]
    public async Task Names_foreign_ownership_with_its_fix_then_sees_the_cache_persist()
    {
        using var scratch = new RealToolEnvironment();
        var cargoHome = Directory.CreateDirectory(Path.Combine(scratch.Root, "cargo-home")).FullName;
        var target = Directory.CreateDirectory(Path.Combine(scratch.Root, "target")).FullName;
        Directory.CreateDirectory(scratch.SccacheDirectory);
        string[] directories = [$"--cargo-home={cargoHome}", $"--target-dir={target}", $"--sccache-dir={scratch.SccacheDirectory}", "--min-free-gb=0"];

        var foreign = await scratch.RunHostAsync(["--target=Doctor", "--uid=4242", "--gid=4243", .. directories]);

        foreign.ExitCode.ShouldNotBe(0);
        foreign.All.ShouldContain($"Doctor found 3 problem(s): CARGO_HOME owner: {cargoHome} is owned by");
        foreign.All.ShouldContain($"fix: chown -R 4242:4243 {cargoHome}");
        foreign.All.ShouldContain("os error 13");
        var first = Report(scratch);
        first.GetProperty("problems").GetInt32().ShouldBe(3);
        Findings(first).ShouldContain(f => f.Check == "SCCACHE_DIR persists" && f.Result == "warning");
        File.Exists(Path.Combine(target, CacheExamination.MarkerFileName)).ShouldBeTrue();

        var uid = (await scratch.RunAsync("id", "-u")).Trim();
        var gid = (await scratch.RunAsync("id", "-g")).Trim();
        var own = await scratch.RunHostAsync(["--target=Doctor", $"--uid={uid}", $"--gid={gid}", .. directories]);

        own.ExitCode.ShouldBe(0, own.All);
        var second = Report(scratch);
        second.GetProperty("problems").GetInt32().ShouldBe(0);
        Findings(second).ShouldContain(f => f.Check == "target directory persists" && f.Result == "ok" && f.Message.Contains("1 earlier Doctor run"));
        Findings(second).ShouldContain(f => f.Check == "cargo present" && f.Result == "ok");
        Findings(second).ShouldContain(f => f.Check == "sccache present" && f.Result == "ok");
    }

    [Test]
    public async Task Low_disk_space_and_a_missing_directory_are_reported()
    {
        using var scratch = new RealToolEnvironment();
        var missing = Path.Combine(scratch.Root, "no-such-cache");

        var result = await scratch.RunHostAsync("--target=Doctor", $"--sccache-dir={missing}", $"--cargo-home={scratch.Root}", $"--target-dir={scratch.Root}", "--min-free-gb=1000000");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain("minimum 1000000 GiB); fix: free space");
        Findings(Report(scratch)).ShouldContain(f => f.Check == "SCCACHE_DIR exists" && f.Message.Contains($"mkdir -p {missing}"));
    }

    /// <summary>With --push, a registry that does not answer is a problem found before any build;
    /// the local registry (tests/registry.sh) answers.</summary>
    [Test]
    [Category("Docker")]
    public async Task A_push_target_that_does_not_answer_is_a_problem()
    {
        await Support.LocalRegistry.EnsureAsync();
        using var scratch = new RealToolEnvironment();
        string[] common = ["--target=Doctor", $"--cargo-home={scratch.Root}", $"--target-dir={scratch.Root}", $"--sccache-dir={scratch.Root}", "--min-free-gb=0", "--push"];

        var refused = await scratch.RunHostAsync([.. common, "--tag=127.0.0.1:5999/acme/builder:1"]);
        var answered = await scratch.RunHostAsync([.. common, $"--tag={Support.LocalRegistry.Address}/acme/builder:1"]);

        refused.ExitCode.ShouldNotBe(0);
        refused.All.ShouldContain("registry 127.0.0.1:5999: 127.0.0.1:5999 does not answer (");
        refused.All.ShouldContain("pushing 127.0.0.1:5999/acme/builder:1 would fail");
        answered.All.ShouldNotContain("does not answer");
        Findings(Report(scratch)).ShouldContain(f => f.Check == $"registry {Support.LocalRegistry.Address}" && f.Result == "ok");
    }

    private static JsonElement Report(RealToolEnvironment scratch) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(scratch.Artifacts, "doctor", "doctor.json"))).RootElement;

    private static IReadOnlyList<(string Check, string Result, string Message)> Findings(JsonElement report) =>
        report.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("check").GetString()!, f.GetProperty("result").GetString()!, f.GetProperty("message").GetString()!))
            .ToArray();
}
