using Prewarm.Tests.Distribution;

namespace Prewarm.Tests.Frosting;

/// <summary>
/// tests/frosting-parity is a build written for Cake.Frosting (its project references Cake.Frosting by
/// default). Built with that one package reference swapped for Prewarm.Frosting's, from the packed feed,
/// it compiles unchanged and runs with Cake.Frosting's task names, order and lifetimes.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // packs the packages and runs dotnet build
public sealed class FrostingParityTests
{
    private string _project = null!;
    private string _dll = null!;

    [OneTimeSetUp]
    public async Task BuildTheCakeFrostingProjectAgainstPrewarmFrosting()
    {
        _project = await PackageFeed.BuildCopyAsync("frosting-parity", "FrostingPackage=Prewarm.Frosting", "FrostingVersion={version}");
        _dll = Path.Combine(_project, "bin", "Release", "net10.0", "FrostingParity.dll");
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_project, recursive: true);

    [Test]
    public async Task Tree_names_an_unnamed_task_after_its_whole_class_name()
    {
        var result = await BuildHostProcess.RunDllAsync(_dll, _project, "--tree");

        result.ExitCode.ShouldBe(0, result.All);
        var lines = result.StandardOutput.Split('\n').Select(l => l.Trim()).ToList();
        var start = lines.IndexOf("Default");
        start.ShouldBeGreaterThanOrEqualTo(0, result.StandardOutput);
        lines.Skip(start).Take(4).ShouldBe(["Default", "└─PackageTask", "└─Compile", "└─Clean"]);
        result.All.ShouldNotContain("parity:", customMessage: "--tree runs no lifetime and no task");
    }

    [Test]
    public async Task The_default_target_runs_tasks_and_lifetimes_in_order()
    {
        var result = await BuildHostProcess.RunDllAsync(_dll, _project);

        result.ExitCode.ShouldBe(0, result.All);
        Said(result).ShouldBe([
            "setup Release",
            "enter Clean", "clean", "leave Clean",
            "enter Compile", "compile", "leave Compile",
            "enter PackageTask", "package (hello from a service)", "leave PackageTask",
            "enter Default", "default", "leave Default",
            "teardown True",
        ]);
    }

    [Test]
    public async Task A_target_named_by_its_class_runs_with_its_dependencies()
    {
        var result = await BuildHostProcess.RunDllAsync(_dll, _project, "--target=PackageTask", "--exclusive");

        result.ExitCode.ShouldBe(0, result.All);
        Said(result).ShouldBe(["setup Release", "enter PackageTask", "package (hello from a service)", "leave PackageTask", "teardown True"]);
    }

    [Test]
    public async Task A_false_criteria_skips_the_task_and_the_run_goes_on()
    {
        var result = await BuildHostProcess.RunDllAsync(_dll, _project, "--configuration=Debug");

        result.ExitCode.ShouldBe(0, result.All);
        Said(result).ShouldBe([
            "setup Debug",
            "enter Clean", "clean", "leave Clean",
            "enter Compile", "compile", "leave Compile",
            "enter PackageTask", "leave PackageTask", // Cake's engine runs the task lifetime around a skipped task too
            "enter Default", "default", "leave Default",
            "teardown True",
        ]);
    }

    private static List<string> Said(BuildHostProcess.Result result) =>
        [.. result.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("parity: ", StringComparison.Ordinal)).Select(l => l["parity: ".Length..])];
}
