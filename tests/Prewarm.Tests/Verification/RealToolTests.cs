using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core.Verification;
using Path = System.IO.Path;

namespace Prewarm.Tests.Verification;

/// <summary>The wrappers against the real cargo and the real sccache.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class RealToolTests
{
    [Test]
    public void A_second_build_through_sccache_with_a_clean_target_hits_the_cache()
    {
        using var scratch = new RealToolEnvironment();
        var (cargo, sccache) = Tools();
        var server = new SccacheServerSettings { CacheDirectory = new DirectoryPath(scratch.SccacheDirectory), ServerPort = scratch.Port };
        sccache.StartServer(server);
        var target = Path.Combine(scratch.Root, "target");

        CargoBuildSettings Build()
        {
            var settings = new CargoBuildSettings
            {
                ManifestPath = new FilePath(Path.Combine(scratch.Repository, "Cargo.toml")),
                TargetDirectory = new DirectoryPath(target),
                MessageFormat = "json",
                RustcWrapper = "sccache",
                WorkingDirectory = new DirectoryPath(scratch.Repository),
            };
            settings.EnvironmentVariables["SCCACHE_SERVER_PORT"] = scratch.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }

        cargo.Build(Build());
        Directory.Delete(target, recursive: true);
        sccache.ZeroStats(server);
        var second = UnitFreshness.From(CargoMessageParser.ParseArtifacts(cargo.Build(Build()).Output, "cargo build"));
        var json = sccache.ReadStats(new SccacheShowStatsSettings { ServerPort = scratch.Port });
        var text = SccacheStatsParser.ParseText(
            sccache.ShowStats(new SccacheShowStatsSettings { ServerPort = scratch.Port, Format = SccacheStatsFormat.Text }), "sccache --show-stats");

        second.DependencyUnits.ShouldBe(6);
        second.FreshDependencyUnits.ShouldBe(0);
        json.HitsByLanguage["Rust"].ShouldBeGreaterThan(0);
        json.HitRatePercent!.Value.ShouldBeGreaterThan(0);
        text.TotalHits.ShouldBe(json.TotalHits);
        text.TotalMisses.ShouldBe(json.TotalMisses);
        json.NotCachedReasons.Keys.ShouldContain("crate-type");
        sccache.StopServer(new SccacheServerSettings { ServerPort = scratch.Port }).ShouldBeTrue();
    }

    [Test]
    public void Cargo_tree_and_metadata_of_the_fixture()
    {
        using var scratch = new RealToolEnvironment();
        var (cargo, _) = Tools();
        var manifest = new FilePath(Path.Combine(scratch.Repository, "Cargo.toml"));
        var tree = new CargoTreeSettings { ManifestPath = manifest, Workspace = true, Depth = 1 };
        tree.Edges.Add("normal");
        tree.Edges.Add("build");

        var entries = CargoTreeParser.Parse(cargo.Tree(tree), "cargo tree");
        var direct = CargoMetadataReader.DirectExternalDependencies(cargo.Metadata(new CargoMetadataSettings { ManifestPath = manifest, NoDependencies = true }), "cargo metadata");
        var targets = CargoMetadataReader.WorkspaceTargets(cargo.Metadata(new CargoMetadataSettings { ManifestPath = manifest, NoDependencies = true }), "cargo metadata");

        entries.Where(e => e.Depth == 1 && !e.IsLocal).Select(e => $"{e.Name} {e.Version}").ShouldBe(["anyhow 1.0.69", "itoa 1.0.1", "log 0.4.17"]);
        direct.ShouldBe(["anyhow", "itoa", "log"]);
        targets.Select(t => t.SourcePath).ShouldBe(["src/main.rs", "util/src/lib.rs"]);
    }

    [Test]
    public void A_cargo_failure_is_one_line_naming_the_command()
    {
        using var scratch = new RealToolEnvironment();
        var (cargo, _) = Tools();

        var exception = Should.Throw<Prewarm.Core.PrewarmException>(() =>
            cargo.Tree(new CargoTreeSettings { ManifestPath = new FilePath(Path.Combine(scratch.Root, "none", "Cargo.toml")) }));

        exception.Message.ShouldStartWith("cargo tree --prefix \"depth\" --format \"{p}\" --manifest-path ");
        exception.Message.ShouldContain("exit code 101: error:");
        exception.Message.ShouldNotContain("\n");
    }

    private static (CargoTool Cargo, SccacheTool Sccache) Tools()
    {
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        var fileSystem = new FileSystem();
        var log = new NullLog();
        var globber = new Globber(fileSystem, environment);
        var configuration = new Prewarm.Tests.Verification.EmptyConfiguration();
        var tools = new ToolLocator(environment, new ToolRepository(environment), new ToolResolutionStrategy(fileSystem, environment, globber, configuration, log));
        var runner = new ProcessRunner(fileSystem, environment, log, tools, configuration);
        return (new CargoTool(fileSystem, environment, runner, tools, log), new SccacheTool(fileSystem, environment, runner, tools, log));
    }
}
