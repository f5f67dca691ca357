using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;
using Prewarm.Core.Verification;
using Prewarm.Core.Warmup;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Recipes;

/// <summary>Tier selection on three generated repositories locked by the real cargo (offline, Debian's
/// crates): the chosen core tier is written out and cargo builds it, compiling both env_logger lines and
/// neither the Windows-only, the wasm-only nor the dev-only crate; the big workspace's crate loses to the cap.</summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")]
public sealed class TierSelectionCargoTests
{
    private const string Manifest = "[package]\nname = \"{0}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n";

    private TemporaryTree _tree = null!;
    private string _config = null!;

    [SetUp]
    public void SetUp()
    {
        _tree = new TemporaryTree();
        _config = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop", ".cargo", "config.toml"));
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    [Test]
    public async Task The_selected_tier_builds_offline_with_what_the_rules_chose()
    {
        var alpha = await Repository("alpha", new()
        {
            ["Cargo.toml"] = string.Format(Manifest, "alpha")
                + "[dependencies]\nserde = \"1\"\nlog = \"0.4\"\nenv_logger = \"0.9\"\n\n"
                + "[dev-dependencies]\nitoa = \"1\"\n\n"
                + "[target.'cfg(windows)'.dependencies]\nwinapi = { version = \"0.3\", features = [\"winuser\"] }\n\n"
                + "[target.'cfg(target_arch = \"wasm32\")'.dependencies]\nwasm-bindgen = \"0.2\"\n",
            ["src/main.rs"] = "fn main() {}\n",
        });
        var beta = await Repository("beta", new()
        {
            ["Cargo.toml"] = string.Format(Manifest, "beta") + "[dependencies]\nserde = \"1\"\nlog = \"0.4\"\nenv_logger = \"0.7\"\n",
            ["src/main.rs"] = "fn main() {}\n",
        });
        var gammaFiles = new Dictionary<string, string> { ["Cargo.toml"] = "[workspace]\nmembers = [\"m0\", \"m1\", \"m2\", \"m3\"]\nresolver = \"2\"\n" };
        for (var i = 0; i < 4; i++)
        {
            gammaFiles[$"m{i}/Cargo.toml"] = string.Format(Manifest, $"m{i}") + "[dependencies]\neither = \"1\"\n" + (i == 0 ? "log = \"0.4\"\n" : "");
            gammaFiles[$"m{i}/src/lib.rs"] = "\n";
        }

        var gamma = await Repository("gamma", gammaFiles);
        IReadOnlyList<CargoRepository> repositories = [alpha, beta, gamma];
        var options = WarmupOptions.Default with { TierMaxCrates = 4 };

        var plan = WarmupPlanner.Decide(WarmupDemand.From(repositories, options), options, repositories.Count);

        plan.Decisions.Where(d => d.Tier == "core").Select(d => $"{d.Name} {d.Line}").ShouldBe(["log 0.4", "serde 1", "env_logger 0.9", "env_logger 0.7"]);
        plan.Decisions.Single(d => d.Name == "either").Reason.ShouldBe("left out: tier cap 4 reached (core; used by 1 of 3 repositories)");
        plan.Decisions.Single(d => d.Name == "winapi").Reason.ShouldBe("left out: cfg(windows) only");
        plan.Decisions.Single(d => d.Name == "wasm-bindgen").Reason.ShouldBe("left out: cfg(target_arch = \"wasm32\") only");
        plan.Decisions.Single(d => d.Name == "itoa").Reason.ShouldBe("left out: dev-only");

        // The report ranks the same way: either has the most dependent packages (4) but one repository.
        var report = DependencyFrequencyReport.Build(repositories, options);
        FrequencyReportWriter.ToText(report).Split('\n')[0].ShouldBe("      4 either");
        report.Crates.Select(c => c.Name).Take(3).ShouldBe(["log", "serde", "env_logger"]);
        report.Crates.Single(c => c.Name == "either").TierReason.ShouldBe("left out: tier cap 4 reached (core; used by 1 of 3 repositories)");

        var warmup = _tree["warmup"];
        var files = WarmupFiles.Render(plan.Crates);
        DirectoryTree.Replace(warmup, files);
        _tree.Write("warmup/.cargo/config.toml", _config);
        files["core/Cargo.toml"].ShouldContain("env_logger = {version = \"=0.9.3\"}");
        files["core/Cargo.toml"].ShouldContain("env_logger-0_7 = {package = \"env_logger\", version = \"=0.7.1\"}");
        WarmupManifestReader.SelectedCrates(files["db/Cargo.toml"], "db/Cargo.toml").ShouldBe(["env_logger", "log", "serde"]);

        var build = await CargoProcess.RunAsync(Path.Combine(warmup, "core"), ["build", "--offline", "--locked", "--message-format=json", "--timings", "--target-dir", _tree["target"]]);

        var compiled = BuildMessages.Parse(build.StandardOutput).Where(a => a.IsExternal).Select(a => a.PackageId.Split('#')[^1]).ToHashSet();
        compiled.ShouldContain("env_logger@0.9.3");
        compiled.ShouldContain("env_logger@0.7.1");
        compiled.ShouldContain("log@0.4.17");
        compiled.ShouldNotContain(c => c.StartsWith("winapi@", StringComparison.Ordinal) || c.StartsWith("wasm-bindgen@", StringComparison.Ordinal)
            || c.StartsWith("itoa@", StringComparison.Ordinal) || c.StartsWith("either@", StringComparison.Ordinal));

        // That build's --timings report feeds the optional compile-time ranking input.
        var report2 = Path.Combine(_tree["target"], "cargo-timings", "cargo-timing.html");
        var timings = CompileTimes.ParseTimingReport(File.ReadAllText(report2), report2);
        var measured = WarmupPlanner.Decide(WarmupDemand.From(repositories, options with { Timings = timings }), options with { Timings = timings }, repositories.Count);
        measured.Decisions.Single(d => d.Name == "env_logger" && d.Line == "0.9").CompileSeconds.ShouldNotBeNull().ShouldBeGreaterThan(0);
        measured.Decisions.Single(d => d.Name == "env_logger" && d.Line == "0.9").Reason.ShouldContain("s to compile with its dependencies (measured)");
        measured.Decisions.Single(d => d.Name == "winapi").CompileSeconds.ShouldBeNull();
    }

    /// <summary>Writes a repository, locks it with cargo (offline, Debian's crates) and scans it.</summary>
    private async Task<CargoRepository> Repository(string id, Dictionary<string, string> files)
    {
        foreach (var (path, content) in files)
        {
            _tree.Write($"{id}/{path}", content);
        }

        _tree.Write($"{id}/.cargo/config.toml", _config);
        await CargoProcess.RunAsync(_tree[id], ["generate-lockfile", "--offline"]);
        return RepositoryScanner.Scan(_tree[id], id);
    }
}
