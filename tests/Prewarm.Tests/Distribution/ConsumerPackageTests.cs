using System.IO.Compression;
using System.Xml.Linq;

namespace Prewarm.Tests.Distribution;

/// <summary>
/// The recipe as a team uses it: tests/consumer (not part of the solution) restores the packed
/// packages from a local folder feed, adds Prewarm's tasks with one call and hooks its own task
/// into the graph.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class ConsumerPackageTests
{
    private string _consumer = null!;
    private string _consumerDll = null!;

    [OneTimeSetUp]
    public async Task BuildConsumer()
    {
        _consumer = await PackageFeed.BuildCopyAsync("consumer", "PrewarmVersion={version}");
        _consumerDll = Path.Combine(_consumer, "bin", "Release", "net10.0", "Consumer.dll");
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_consumer, recursive: true);

    [Test]
    public async Task The_recipe_package_carries_readme_license_tags_docs_and_symbols()
    {
        var (feed, version) = await PackageFeed.GetAsync();
        var package = Path.Combine(feed, $"Prewarm.Cake.{version}.nupkg");
        File.Exists(Path.ChangeExtension(package, ".snupkg")).ShouldBeTrue();

        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        entries.ShouldContain("README.md");
        entries.ShouldContain("lib/net10.0/Prewarm.Cake.dll");
        entries.ShouldContain("lib/net10.0/Prewarm.Cake.xml");

        await using var nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Value("license").ShouldBe("MIT");
        Value("tags").Split(' ').ShouldBe(["cake-frosting", "cake-recipe", "rust", "docker"], ignoreOrder: true);
        Value("readme").ShouldBe("README.md");
    }

    [Test]
    public async Task The_hooked_task_runs_inside_the_warmup_graph()
    {
        var result = await RunConsumerAsync("--target=Warmup", "--dryrun");

        result.ExitCode.ShouldBe(0, result.All);
        var announce = result.StandardOutput.IndexOf(". Announce", StringComparison.Ordinal);
        var warmup = result.StandardOutput.IndexOf(". Warmup", StringComparison.Ordinal);
        announce.ShouldBeGreaterThan(0, result.StandardOutput);
        announce.ShouldBeLessThan(warmup);
    }

    [Test]
    public async Task The_consumer_runs_its_own_task_with_the_recipe_context()
    {
        var artifacts = Path.Combine(_consumer, "out");

        var result = await RunConsumerAsync("--target=Announce", $"--artifacts={artifacts}", "--repo=a", "--repo=b");

        result.ExitCode.ShouldBe(0, result.All);
        File.ReadAllText(Path.Combine(artifacts, "announce.txt")).ShouldBe("repos=2\n");
    }

    [Test]
    [Category("Docker")]
    public async Task The_consumer_runs_the_whole_warmup_on_a_rust_example()
    {
        await DockerRequirement.EnsureAsync();
        using var work = new TemporaryDirectory("prewarm-consumer-warmup-");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), Path.Combine(work.Path, "shop"));
        File.WriteAllText(Path.Combine(work.Path, "prewarm.toml"), $"""
            repo = ["shop"]
            artifacts = "out"
            [docker]
            base-image = "{DockerRequirement.BaseImage}"
            platform = "linux/amd64"
            tag = "prewarm-test/consumer-shop:latest"
            """);

        var result = await BuildHostProcess.RunDllAsync(_consumerDll, work.Path, "--target=Warmup");

        result.ExitCode.ShouldBe(0, result.All);
        File.ReadAllText(Path.Combine(work.Path, "out", "announce.txt")).ShouldBe("repos=1\n");
        File.Exists(Path.Combine(work.Path, "out", "verify", "verify.json")).ShouldBeTrue();
        result.StandardOutput.ShouldContain("dependency units fresh");
        await DockerRequirement.RunAsync("image", "rm", "-f", "prewarm-test/consumer-shop:latest");
    }

    private Task<BuildHostProcess.Result> RunConsumerAsync(params string[] args) =>
        BuildHostProcess.RunDllAsync(_consumerDll, _consumer, args);
}
