using Cake.Frosting;
using Prewarm.Cake;
using Prewarm.Cake.Tasks;
using Prewarm.Frosting;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>Scan hands its result to Recipe on the context: in one run Recipe reads no scan.json; run
/// alone (<c>--exclusive</c>) it reads the file, and refuses one that is not valid.</summary>
[TestFixture]
[Category("Slow")] // Recipe asks rustc for its version
public sealed class ScanHandOnTests
{
    [Test]
    public void Recipe_after_scan_in_one_run_takes_the_scan_from_the_context_and_alone_reads_scan_json()
    {
        using var tree = new TemporaryTree();
        var shop = tree.CopyFixture("tests/examples/shop", "shop");
        var artifacts = tree["artifacts"];

        var (code, output) = Run("--target=Recipe", $"--repo={shop}", $"--artifacts={artifacts}");
        code.ShouldBe(0, output);
        File.ReadAllText(Path.Combine(artifacts, "scan.json")).ShouldBe(SpoilScanJsonTask.Spoilt);
        File.Exists(Path.Combine(artifacts, "recipes", "shop", "recipe.json")).ShouldBeTrue(output);

        var (alone, error) = Run("--target=Recipe", "--exclusive", $"--repo={shop}", $"--artifacts={artifacts}");
        alone.ShouldNotBe(0);
        error.ShouldContain("not a valid scan.json");
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var host = new TestHost();
        host.Host.UsePrewarm().AddTask<SpoilScanJsonTask>();
        var code = host.Run(args);
        return (code, host.Output);
    }

    /// <summary>Between Scan and Recipe: leaves a scan.json no reader accepts (not exported, so no other host finds it).</summary>
    [TaskName("SpoilScanJson")]
    [IsDependentOn(typeof(ScanTask))]
    [IsDependeeOf(typeof(RecipeTask))]
    internal sealed class SpoilScanJsonTask : FrostingTask<PrewarmContext>
    {
        public const string Spoilt = "not json";

        public override void Run(PrewarmContext context) =>
            File.WriteAllText(Path.Combine(context.Artifacts.FullPath, "scan.json"), Spoilt);
    }
}
