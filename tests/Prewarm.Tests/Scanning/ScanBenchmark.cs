using System.Diagnostics;
using CliWrap;
using NUnit.Framework;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Support;

namespace Prewarm.Tests.Scanning;

/// <summary>Not a test: measures the scanner in-process (JIT warm) against <c>cargo metadata --no-deps</c>
/// on the generated 300-package workspace and prints both. Run explicitly:
/// <c>dotnet test PrewarmCake.sln -c Release --filter Category=Benchmark</c>.
/// The whole-process comparison is tests/bench/scan-benchmark.sh.</summary>
[TestFixture]
[Explicit("benchmark: run with --filter Category=Benchmark")]
[Category("Benchmark")]
public sealed class ScanBenchmark
{
    [Test]
    public async Task Scan_of_300_packages_against_cargo_metadata()
    {
        var work = Directory.CreateTempSubdirectory("prewarm-scan-bench-").FullName;
        try
        {
            var workspace = Path.Combine(work, "ws");
            await CargoMetadata.RunScriptAsync(Path.Combine(RepositoryLayout.Root, "tests", "bench", "generate-workspace.sh"), workspace, "300");
            var manifest = Path.Combine(workspace, "Cargo.toml");

            // Warm-up: JIT for the scanner, file cache for both.
            ScanArtifacts.Render([RepositoryScanner.Scan(workspace)]);
            (await CargoMetadata.ReadAsync(manifest)).Dispose();

            const int runs = 7;
            var scan = new List<double>();
            var render = new List<double>();
            var cargo = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var repository = RepositoryScanner.Scan(workspace);
                scan.Add(watch.Elapsed.TotalMilliseconds);
                ScanArtifacts.Render([repository]);
                render.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                (await CargoMetadata.ReadAsync(manifest)).Dispose();
                cargo.Add(watch.Elapsed.TotalMilliseconds);
            }

            double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            TestContext.Out.WriteLine($"cargo metadata --no-deps (process, median of {runs}): {Median(cargo):F0} ms");
            TestContext.Out.WriteLine($"RepositoryScanner.Scan (in-process, warm):          {Median(scan):F0} ms  ratio {Median(scan) / Median(cargo):F2}");
            TestContext.Out.WriteLine($"Scan + render all four artifacts (in-process):      {Median(render):F0} ms  ratio {Median(render) / Median(cargo):F2}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
