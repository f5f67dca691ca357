using System.Text.Json;
using System.Xml.Linq;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Verification;

/// <summary>Benchmark run for real on the tiny fixture: figures are measured, so only their relations are asserted.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class BenchmarkTaskTests
{
    [Test]
    public async Task Measures_cold_warm_and_subsequent_builds_and_writes_the_report()
    {
        using var scratch = new RealToolEnvironment();
        var summary = Path.Combine(scratch.Root, "step-summary.md");
        var environment = scratch.Environment.ToDictionary(e => e.Key, e => e.Value);
        environment["GITHUB_STEP_SUMMARY"] = summary;

        var result = await Cli.Wrap("dotnet")
            .WithArguments([RepositoryLayout.BuildDll, "--target=Benchmark", "--runs=1", $"--repo={scratch.Repository}", $"--artifacts={scratch.Artifacts}"])
            .WithWorkingDirectory(scratch.Root)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        var directory = Path.Combine(scratch.Artifacts, "benchmark");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json")));
        var scenarios = json.RootElement.GetProperty("scenarios");
        foreach (var name in new[] { "cold", "warm", "subsequent" })
        {
            scenarios.GetProperty(name).GetProperty("seconds").GetArrayLength().ShouldBe(1);
            scenarios.GetProperty(name).GetProperty("median").GetDouble().ShouldBeGreaterThan(0);
        }

        json.RootElement.GetProperty("sccache").GetBoolean().ShouldBeTrue();
        // The warm build reused every dependency unit the stubbed build made and compiled both workspace crates.
        var warm = scenarios.GetProperty("warm").GetProperty("lastRunUnits");
        warm.GetProperty("freshDependencies").GetInt32().ShouldBe(6);
        warm.GetProperty("dependencies").GetInt32().ShouldBe(6);
        warm.GetProperty("freshWorkspace").GetInt32().ShouldBe(0);
        scenarios.GetProperty("subsequent").GetProperty("lastRunUnits").GetProperty("freshDependencies").GetInt32().ShouldBe(6);
        XDocument.Parse(File.ReadAllText(Path.Combine(directory, "chart.svg"))).Root!.Name.LocalName.ShouldBe("svg");
        File.ReadAllText(Path.Combine(directory, "report.md")).ShouldContain("| cold |");
        File.ReadAllText(summary).ShouldContain("# Benchmark: tiny");
    }

    [Test]
    public async Task A_repository_without_a_manifest_is_one_clear_line()
    {
        using var scratch = new RealToolEnvironment();
        var empty = Directory.CreateDirectory(Path.Combine(scratch.Root, "empty")).FullName;

        var result = await BuildHostProcess.RunAsync(scratch.Root, "--target=Benchmark", $"--repo={empty}", $"--artifacts={scratch.Artifacts}");

        result.ExitCode.ShouldNotBe(0);
        result.All.ShouldContain($"{empty}/Cargo.toml: not found; --repo must name a Cargo workspace or package directory");
        Directory.Exists(Path.Combine(scratch.Artifacts, "benchmark")).ShouldBeFalse();
    }
}
