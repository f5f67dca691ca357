namespace Prewarm.Tests.Frosting;

/// <summary>The real build host, run as a process the way build.sh runs it.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class BuildHostProcessTests
{
    [Test]
    public async Task Tree_prints_the_whole_warmup_graph()
    {
        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Warmup", "--tree");

        result.ExitCode.ShouldBe(0, result.All);
        var lines = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).ToList();
        var chain = new[] { "Default", "└─Warmup", "└─Verify", "└─Image", "└─Dockerfile", "└─Recipe", "└─Scan" };
        var start = lines.FindIndex(l => l == "Default");
        start.ShouldBeGreaterThanOrEqualTo(0, result.StandardOutput);
        for (var i = 0; i < chain.Length; i++)
        {
            lines[start + i].Trim().ShouldBe(chain[i]);
        }
    }

    [Test]
    public async Task Dry_run_lists_the_stages_in_order()
    {
        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Warmup", "--dryrun");

        result.ExitCode.ShouldBe(0, result.All);
        var order = new[] { "1. Scan", "2. Recipe", "3. Dockerfile", "4. Image", "5. Verify", "6. Warmup" };
        var positions = order.Select(o => result.StandardOutput.IndexOf(o, StringComparison.Ordinal)).ToArray();
        positions.ShouldAllBe(p => p >= 0, result.StandardOutput);
        positions.ShouldBeInOrder();
    }

    [Test]
    public async Task Description_gives_every_task_a_description()
    {
        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--description");

        result.ExitCode.ShouldBe(0, result.All);
        foreach (var task in new[] { "Scan", "Recipe", "Cook", "Dockerfile", "Image", "Verify", "Warmup", "Clean", "Default", "Doctor", "Benchmark" })
        {
            result.StandardOutput.ShouldMatch($@"(?m)^\s*{task}\s+\S");
        }
    }

    [Test]
    public async Task Unknown_target_exits_non_zero_and_names_the_valid_targets()
    {
        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--target=Warmpu");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain("Unknown target 'Warmpu'");
        result.All.ShouldContain("Warmup");
    }

    [Test]
    public async Task Bad_switch_value_exits_non_zero()
    {
        var result = await BuildHostProcess.RunAsync(RepositoryLayout.Root, "--verbosity=loud", "--tree");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain("loud");
    }

    [Test]
    public async Task Clean_removes_the_artifacts_directory()
    {
        var work = Directory.CreateTempSubdirectory("prewarm-clean-");
        try
        {
            var artifacts = Path.Combine(work.FullName, "out");
            Directory.CreateDirectory(Path.Combine(artifacts, "nested"));
            File.WriteAllText(Path.Combine(artifacts, "nested", "file.txt"), "x");

            var result = await BuildHostProcess.RunAsync(work.FullName, "--target=Clean", $"--artifacts={artifacts}");

            result.ExitCode.ShouldBe(0, result.All);
            Directory.Exists(artifacts).ShouldBeFalse();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
