using System.Text.Json;
using Prewarm.Cake;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Scanning;

/// <summary>The Scan task run for real through the host.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class ScanTaskTests
{
    private string _artifacts = null!;

    private static string Shop => Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop");

    [SetUp]
    public void SetUp() => _artifacts = Directory.CreateTempSubdirectory("prewarm-scan-artifacts-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_artifacts, recursive: true);

    [Test]
    public void Scanning_the_shop_example_writes_the_model_and_the_frequency_report()
    {
        var host = new TestHost();
        host.Host.UsePrewarm();

        host.Run("--target=Scan", "--exclusive", $"--repo={Shop}", $"--artifacts={_artifacts}").ShouldBe(0, host.Output);

        host.Output.ShouldContain("shop: 3 package(s), 1 workspace(s), 1 lockfile(s)");
        var text = File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.txt"));
        text.ShouldContain("      2 tokio\n");
        text.ShouldContain("      1 hyper\n");
        text.Split('\n').First().ShouldMatch(@"^ {6}2 \S+$");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.json")));
        var crates = report.RootElement.GetProperty("crates").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        crates["tokio"].GetProperty("packages").EnumerateArray().Select(p => p.GetString()).ShouldBe(["shop/shop-server", "shop/shop-storage"]);
        crates["tokio"].GetProperty("features").EnumerateArray().Select(p => p.GetString()).ShouldBe(["macros", "rt-multi-thread"]);
        crates["serde"].GetProperty("features").EnumerateArray().Select(p => p.GetString()).ShouldContain("derive");
        crates["serde_json"].GetProperty("kinds").EnumerateArray().Select(p => p.GetString()).ShouldBe(["dev", "normal"]);
        crates["chrono"].GetProperty("defaultFeatures").GetBoolean().ShouldBeFalse();
        crates["tokio"].GetProperty("lockedVersions").EnumerateArray().Select(p => p.GetString()).ShouldBe(["1.24.2"]);
        crates["tokio"].GetProperty("transitiveSize").GetInt32().ShouldBeGreaterThan(1);
        crates.ShouldNotContainKey("shop-domain"); // path dependencies are the repository's own code

        File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.md")).ShouldContain("| tokio | 2 | 1 | normal | macros, rt-multi-thread |");
        using var scan = JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts, "scan.json")));
        var repository = scan.RootElement.GetProperty("repositories").EnumerateArray().Single();
        repository.GetProperty("id").GetString().ShouldBe("shop");
        repository.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("manifestPath").GetString())
            .ShouldBe(["apps/server/Cargo.toml", "crates/domain/Cargo.toml", "crates/storage/Cargo.toml"]);
        File.ReadAllText(Path.Combine(_artifacts, "scan.json")).ShouldNotContain(RepositoryLayout.Root);
    }

    [Test]
    public void The_same_tree_in_another_place_gives_byte_identical_artifacts()
    {
        using var copy = new CargoFixture("shop");
        CopyTree(Shop, copy.Root);
        var second = Path.Combine(_artifacts, "second");

        var host = new TestHost();
        host.Host.UsePrewarm();
        host.Run("--target=Scan", "--exclusive", $"--repo={Shop}", $"--artifacts={Path.Combine(_artifacts, "first")}").ShouldBe(0, host.Output);
        var again = new TestHost();
        again.Host.UsePrewarm();
        again.Run("--target=Scan", "--exclusive", $"--repo={copy.Root}", $"--artifacts={second}").ShouldBe(0, again.Output);

        foreach (var file in new[] { "scan.json", "dependency-frequency.txt", "dependency-frequency.json", "dependency-frequency.md" })
        {
            File.ReadAllBytes(Path.Combine(second, file)).ShouldBe(File.ReadAllBytes(Path.Combine(_artifacts, "first", file)), file);
        }
    }

    [Test]
    public void Two_repositories_get_unique_ids_and_are_counted_together()
    {
        using var other = new CargoFixture("Shop");
        other.Write("Cargo.toml", "[package]\nname = \"tool\"\nversion = \"0.1.0\"\n\n[dependencies]\ntokio = { version = \"1\", features = [\"rt\"] }\n")
            .Write("src/main.rs", "fn main() {}");

        var host = new TestHost();
        host.Host.UsePrewarm();
        host.Run("--target=Scan", "--exclusive", $"--repo={Shop}", $"--repo={other.Root}", $"--artifacts={_artifacts}").ShouldBe(0, host.Output);

        File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.txt")).Split('\n')[0].ShouldBe("      3 tokio");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.json")));
        var tokio = report.RootElement.GetProperty("crates").EnumerateArray().First();
        tokio.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()).ShouldBe(["shop", "shop-2"]);
        tokio.GetProperty("features").EnumerateArray().Select(r => r.GetString()).ShouldBe(["macros", "rt", "rt-multi-thread"]);
        tokio.GetProperty("requirements").EnumerateArray().Select(r => r.GetString()).ShouldBe(["^1", "^1.24"]);
    }

    [Test]
    public async Task A_bad_repository_fails_the_run_with_one_line_and_writes_no_report()
    {
        using var broken = new CargoFixture("broken");
        broken.Write("Cargo.toml", "[package]\nname = \"x\"\nversion = [\n");
        File.WriteAllText(Path.Combine(_artifacts, "dependency-frequency.txt"), "previous run\n");

        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Scan", "--exclusive", $"--repo={Shop}", $"--repo={broken.Root}", $"--artifacts={_artifacts}");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain("Error: ");
        result.All.ShouldContain($"{broken.Root}/Cargo.toml:4:1: ");
        Directory.EnumerateFiles(_artifacts).Select(Path.GetFileName).ShouldBe(["dependency-frequency.txt"]);
        File.ReadAllText(Path.Combine(_artifacts, "dependency-frequency.txt")).ShouldBe("previous run\n");
    }

    [Test]
    public async Task A_nested_manifest_that_is_test_data_names_the_exclude_that_leaves_it_out()
    {
        // bat keeps a syntax-highlighted Cargo.toml among its test data: no package, and nothing refers to it.
        using var repository = new CargoFixture("tool");
        repository
            .Write("Cargo.toml", "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("src/lib.rs", "")
            .Write("tests/syntax/highlighted/Cargo.toml", "\u001b[38;2;249;38;114m[package]\u001b[0m\n");

        var refused = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Scan", "--exclusive", $"--repo={repository.Root}", $"--artifacts={_artifacts}");
        var excluded = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Scan", "--exclusive", $"--repo={repository.Root}", $"--artifacts={_artifacts}", "--exclude=tests/syntax");

        refused.ExitCode.ShouldNotBe(0);
        refused.All.ShouldContain($"{repository.Root}/tests/syntax/highlighted/Cargo.toml:1:1: ");
        refused.All.ShouldContain("(if it is not a package, --exclude=tests/syntax/highlighted leaves it out)");
        excluded.ExitCode.ShouldBe(0, excluded.All);
        using var scan = JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts, "scan.json")));
        scan.RootElement.GetProperty("repositories")[0].GetProperty("manifests").GetArrayLength().ShouldBe(1);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] == "target")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative), overwrite: true);
        }
    }
}
