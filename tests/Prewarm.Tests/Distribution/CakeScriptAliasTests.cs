using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Distribution;

/// <summary>
/// The script aliases through the real Cake runner: `dotnet cake` (Cake.Tool 7.0.0, the local tool in
/// .config/dotnet-tools.json) runs a build.cake that references Prewarm's assemblies and calls them.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class CakeScriptAliasTests
{
    [Test]
    public async Task A_build_cake_scans_prepares_a_recipe_reads_sccache_stats_and_runs_the_tools()
    {
        using var work = new TemporaryDirectory("prewarm-cake-script-");
        var shop = Path.Combine(work.Path, "shop");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), shop);
        var artifacts = Path.Combine(work.Path, "artifacts");
        var assemblies = AppContext.BaseDirectory;
        var script = Path.Combine(work.Path, "build.cake");
        File.WriteAllText(script, $$$"""
            #r "{{{Path.Combine(assemblies, "Prewarm.Core.dll")}}}"
            #r "{{{Path.Combine(assemblies, "Prewarm.Cake.dll")}}}"
            using Prewarm.Cake.Tools.Cargo;

            Task("Default").Does(() =>
            {
                var repositories = PrewarmScan(Directory("{{{shop}}}"));
                PrewarmWriteScanReports(repositories, Directory("{{{artifacts}}}"));
                var frequency = PrewarmDependencyFrequency(repositories);
                Information("crates={0} tokio-packages={1}", frequency.Crates.Count, frequency.Crates.Single(c => c.Name == "tokio").PackageCount);

                var environment = PrewarmPrepareRecipe(Directory("{{{shop}}}"), Directory("{{{artifacts}}}"));
                Information("fingerprint={0}", environment.Fingerprint);

                var stats = PrewarmParseSccacheStats("{\"stats\":{\"compile_requests\":10,\"cache_hits\":{\"counts\":{\"Rust\":3 } },\"cache_misses\":{\"counts\":{\"Rust\":1 } },\"not_cached\":{\"crate-type\":6 } } }");
                Information("hit-rate={0}", stats.HitRatePercent);

                var metadata = CargoMetadata(new CargoMetadataSettings { ManifestPath = File("{{{shop}}}/Cargo.toml"), NoDependencies = true });
                Information("metadata-names-shop={0}", metadata.Contains("\"name\":\"shop-server\""));
                Information("toolchain={0}", RustcVerboseVersion().Split('\n')[0]);
            });

            RunTarget("Default");
            """);

        await DotNet.RunAsync(RepositoryLayout.Root, "tool", "restore");
        var result = await Cli.Wrap("dotnet")
            .WithArguments(["tool", "run", "dotnet-cake", script, "--verbosity=normal"])
            .WithWorkingDirectory(RepositoryLayout.Root)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

        var output = result.StandardOutput + result.StandardError;
        result.ExitCode.ShouldBe(0, output);
        output.ShouldContain("tokio-packages=2");
        output.ShouldMatch(@"fingerprint=[0-9a-f]{64}");
        output.ShouldContain("hit-rate=75");
        output.ShouldContain("metadata-names-shop=True");
        output.ShouldContain("toolchain=rustc ");
        File.Exists(Path.Combine(artifacts, "dependency-frequency.json")).ShouldBeTrue();
        File.Exists(Path.Combine(artifacts, "recipes", "shop", "recipe.json")).ShouldBeTrue();
    }
}
