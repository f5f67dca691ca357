using System.Diagnostics;
using Prewarm.Core.Docker;

namespace Prewarm.Tests.Docker;

/// <summary>The rendered prune step, run by a real shell on a target directory laid out as cargo lays it out:
/// what no message of the image names goes, what one names (by its unit hash) stays.</summary>
[TestFixture]
[Category("Slow")] // runs /bin/sh
public sealed class SeedPruneTests
{
    private const string Live = "0123456789abcdef";
    private const string LiveScript = "1111111111111111";
    private const string LiveRun = "2222222222222222";
    private const string Stale = "fedcba9876543210";

    [Test]
    public void Units_no_cargo_run_reported_are_removed_and_the_reported_ones_kept()
    {
        using var root = new TemporaryDirectory("prewarm-prune");
        var target = Path.Combine(root.Path, "build", "target", "amd64", "release");
        var prewarm = Path.Combine(root.Path, "build", "prewarm");
        Directory.CreateDirectory(Path.Combine(prewarm, "tiers"));
        string[] kept =
        [
            $"deps/libserde-{Live}.rlib", $"deps/libserde-{Live}.rmeta", $"deps/serde-{Live}.d", $".fingerprint/serde-{Live}/lib-serde",
            $"build/serde-{LiveScript}/build-script-build", $"build/serde-{LiveRun}/out/private.rs", $".fingerprint/serde-{LiveRun}/run-build-script-build-script-build",
            "release-only-file", "deps/not-a-unit.txt",
        ];
        string[] removed = [$"deps/libitoa-{Stale}.rlib", $"deps/itoa-{Stale}.d", $".fingerprint/itoa-{Stale}/lib-itoa", $"build/itoa-{Stale}/out/x.rs"];
        foreach (var file in kept.Concat(removed))
        {
            var path = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }

        var deps = $"/build/target/amd64/release/deps";
        File.WriteAllText(Path.Combine(prewarm, "tiers", "tier-core.json"),
            $"{{\"reason\":\"compiler-artifact\",\"filenames\":[\"{deps}/libserde-{Live}.rlib\",\"{deps}/libserde-{Live}.rmeta\"],\"fresh\":false}}\n"
            + $"{{\"reason\":\"compiler-artifact\",\"filenames\":[\"/build/target/amd64/release/build/serde-{LiveScript}/build-script-build\"]}}\n");
        File.WriteAllText(Path.Combine(prewarm, "build-messages.json"),
            $"{{\"reason\":\"build-script-executed\",\"out_dir\":\"/build/target/amd64/release/build/serde-{LiveRun}/out\"}}\n");

        var dockerfile = new DockerfileRenderer().Render(new DockerfileOptions { RepositoryId = "shop", Seed = true });
        var start = dockerfile.IndexOf(" && { cat /build/prewarm/", StringComparison.Ordinal);
        var script = dockerfile[(start + 4)..dockerfile.IndexOf("\nENV PATH", start, StringComparison.Ordinal)]
            .Replace("/build/", root.Path + "/build/", StringComparison.Ordinal);
        var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "set -e; " + script])
        {
            Environment = { ["TARGETARCH"] = "amd64" },
            RedirectStandardError = true,
        })!;
        var error = shell.StandardError.ReadToEnd();
        shell.WaitForExit();

        shell.ExitCode.ShouldBe(0, error);
        kept.Where(f => !File.Exists(Path.Combine(target, f))).ShouldBeEmpty();
        removed.Select(f => f.Split('/')[0] + "/" + f.Split('/')[1]).Where(e => Path.Exists(Path.Combine(target, e))).ShouldBeEmpty();
        File.ReadAllLines(Path.Combine(prewarm, "units-kept.txt")).ShouldBe([Live, LiveScript, LiveRun], ignoreOrder: true);
    }
}
