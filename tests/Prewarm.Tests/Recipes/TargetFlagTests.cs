using System.Text.Json;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Recipes;

/// <summary><c>test</c>, <c>doctest</c>, <c>bench</c>, <c>doc</c>, <c>harness</c> and <c>required-features</c>
/// decide which units cargo builds: the skeleton must keep them, or it warms units the real build
/// never compiles (and misses none). Checked against cargo: the same target flags in
/// <c>cargo metadata</c> and the same units in <c>cargo test --no-run</c> and <c>cargo bench --no-run</c>.</summary>
[TestFixture]
[Category("Slow")] // starts cargo or rustup
public sealed class TargetFlagTests
{
    [Test]
    public async Task Every_target_flag_survives_into_the_skeleton_and_cargo_builds_the_same_units()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", """
                [package]
                name = "app"
                version = "0.1.0"
                edition = "2021"

                [lib]
                test = false
                doctest = false
                bench = false
                doc = false

                [[bin]]
                name = "tool"
                path = "src/main.rs"
                test = false
                bench = false

                [[example]]
                name = "demo"
                test = true
                doc = true

                [[test]]
                name = "plain"
                harness = false
                test = false

                [[bench]]
                name = "speed"
                bench = false
                test = true

                [[bin]]
                name = "extra"
                path = "src/bin/extra.rs"
                required-features = ["more"]

                [features]
                more = []
                """)
            .Write("src/lib.rs", "")
            .Write("src/main.rs", "fn main() {}\n")
            .Write("src/bin/extra.rs", "fn main() {}\n")
            .Write("examples/demo.rs", "fn main() {}\n")
            .Write("tests/plain.rs", "fn main() {}\n")
            .Write("benches/speed.rs", "");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root))));

        (await TargetFlagsAsync(skeleton.Path)).ShouldBe(await TargetFlagsAsync(fixture.Root));
        foreach (var command in new[] { "test", "bench" })
        {
            (await UnitsAsync(skeleton.Path, command)).ShouldBe(await UnitsAsync(fixture.Root, command), $"cargo {command} --no-run");
            (await UnitsAsync(skeleton.Path, command, "--features", "more")).ShouldBe(await UnitsAsync(fixture.Root, command, "--features", "more"), $"cargo {command} --no-run --features more");
        }
    }

    private static async Task<List<string>> TargetFlagsAsync(string root)
    {
        using var metadata = await CargoMetadata.ReadAsync(Path.Combine(root, "Cargo.toml"));
        return metadata.RootElement.GetProperty("packages")[0].GetProperty("targets").EnumerateArray()
            .Select(t => $"{string.Join(",", t.GetProperty("kind").EnumerateArray())} {t.GetProperty("name")} test={t.GetProperty("test")} doctest={t.GetProperty("doctest")} doc={t.GetProperty("doc")} required={(t.TryGetProperty("required-features", out var r) ? string.Join(",", r.EnumerateArray()) : "")}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The units a cargo command compiles: kind, name and whether built as a test harness.</summary>
    private static async Task<List<string>> UnitsAsync(string root, string command, params string[] extra)
    {
        var result = await CargoProcess.RunAsync(root, [command, "--no-run", "--offline", "--message-format=json", "--target-dir", Path.Combine(root, "target"), .. extra]);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(m => m.GetProperty("reason").GetString() == "compiler-artifact")
            .Select(m => $"{string.Join(",", m.GetProperty("target").GetProperty("kind").EnumerateArray())} {m.GetProperty("target").GetProperty("name")} test={m.GetProperty("profile").GetProperty("test")}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
