using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Cake.Support;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core;
using Prewarm.Core.Benchmarking;
using Prewarm.Core.IO;
using Prewarm.Core.Verification;
using Prewarm.Core.Settings;
using Prewarm.Frosting;
using Spectre.Console;
using Path = System.IO.Path;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Times three builds of the first <c>--repo</c>, <c>--runs=3</c> times each: cold (empty target dir and
/// empty sccache), warm (dependencies built first from a stubbed copy of the workspace into the same
/// target dir, like a Docker dependency layer; only the real build is timed) and subsequent (every
/// workspace member's sources touched after a full build). <c>--sccache=on|off</c> (default: on when
/// sccache is installed; a private server on a free port with a fresh cache per run), <c>--release</c>.
/// Writes <c>benchmark/report.md|report.json|chart.svg</c>; appends report.md to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
[TaskName("Benchmark")]
[TaskDescription("Measures cold, warm and subsequent builds and writes report.md, report.json and a chart.")]
public sealed class BenchmarkTask(IAnsiConsole console) : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var runs = context.Settings.Benchmark.Runs;
        var useSccache = context.Settings.Shared.Sccache.UseLocally(installed: context.Tools.Resolve("sccache") is not null);
        var release = context.Settings.Shared.Build.IsRelease;
        var (repository, id) = RepositoryIds.Assign(context.Repositories)[0];
        var manifest = repository.CombineWithFilePath("Cargo.toml");
        if (!context.FileSystem.Exist(manifest))
        {
            throw new PrewarmException($"{manifest.FullPath}: not found; --repo must name a Cargo workspace or package directory");
        }

        var cargo = CargoTool.For(context);
        var sccache = SccacheTool.For(context);
        var targets = CargoMetadataReader.WorkspaceTargets(
            cargo.Metadata(new CargoMetadataSettings { ManifestPath = manifest, NoDependencies = true, WorkingDirectory = repository }),
            "cargo metadata --no-deps");

        var scratch = Directory.CreateTempSubdirectory("prewarm-benchmark-").FullName;
        var port = FreePort();
        var cold = new List<double>();
        var warm = new List<double>();
        var subsequent = new List<double>();
        UnitFreshness? warmFreshness = null;
        UnitFreshness? subsequentFreshness = null;
        try
        {
            var stubbed = Path.Combine(scratch, "stubbed");
            CopyRepository(repository.FullPath, stubbed, context.Artifacts.FullPath);
            foreach (var (relative, content) in WorkspaceStubs.For(targets))
            {
                File.WriteAllText(Path.Combine(stubbed, relative), content);
            }

            var stubbedManifest = new FilePath(Path.Combine(stubbed, "Cargo.toml"));
            console.Status().Start(Markup.Escape($"Benchmarking {id}"), status =>
            {
                for (var run = 1; run <= runs; run++)
                {
                    var prefix = $"[{run}/{runs}] {id}:";
                    var run1 = Path.Combine(scratch, $"run{run}");

                    var (coldTarget, coldCache) = (Path.Combine(run1, "cold-target"), Path.Combine(run1, "cold-sccache"));
                    StartServer(sccache, useSccache, coldCache, port);
                    status.Status(Markup.Escape($"{prefix} cold build"));
                    cold.Add(TimedBuild(context, cargo, manifest, repository, coldTarget, coldCache, port, useSccache, release, $"{prefix} cold", out _));
                    status.Status(Markup.Escape($"{prefix} subsequent build (sources touched)"));
                    Touch(repository.FullPath, targets);
                    subsequent.Add(TimedBuild(context, cargo, manifest, repository, coldTarget, coldCache, port, useSccache, release, $"{prefix} subsequent", out var subsequentUnits));
                    subsequentFreshness = subsequentUnits;
                    StopServer(sccache, useSccache, port);

                    var (warmTarget, warmCache) = (Path.Combine(run1, "warm-target"), Path.Combine(run1, "warm-sccache"));
                    StartServer(sccache, useSccache, warmCache, port);
                    status.Status(Markup.Escape($"{prefix} building the dependencies from the stubbed workspace (not timed)"));
                    TimedBuild(context, cargo, stubbedManifest, new DirectoryPath(stubbed), warmTarget, warmCache, port, useSccache, release, $"{prefix} dependencies (not timed)", out _);
                    status.Status(Markup.Escape($"{prefix} warm build"));

                    // The real sources must be newer than the stubs' outputs, as a COPY after the
                    // dependency layer makes them; otherwise cargo would keep the stub binaries.
                    Touch(repository.FullPath, targets);
                    warm.Add(TimedBuild(context, cargo, manifest, repository, warmTarget, warmCache, port, useSccache, release, $"{prefix} warm", out var warmUnits));
                    warmFreshness = warmUnits;
                    StopServer(sccache, useSccache, port);
                    Directory.Delete(run1, recursive: true);
                }
            });
        }
        finally
        {
            StopServer(sccache, useSccache, port);
            TryDelete(scratch);
        }

        var report = new BenchmarkReport(
            id,
            $"cargo build --workspace{(release ? " --release" : string.Empty)}",
            useSccache,
            runs,
            [
                new BenchmarkMeasurement(BenchmarkScenario.Cold, cold),
                new BenchmarkMeasurement(BenchmarkScenario.Warm, warm),
                new BenchmarkMeasurement(BenchmarkScenario.Subsequent, subsequent),
            ])
        {
            WarmUnits = warmFreshness,
            SubsequentUnits = subsequentFreshness,
        };
        var directory = new DirectoryPath(context.Layout.BenchmarkDirectory);
        BenchmarkReportWriter.Write(report, directory.FullPath);
        context.Log.Information(
            "{0}: cold {1:0.00} s, warm {2:0.00} s (-{3:0.0}%), subsequent {4:0.00} s (-{5:0.0}%) (medians of {6} run(s)); wrote {7}",
            id,
            report[BenchmarkScenario.Cold].Median,
            report[BenchmarkScenario.Warm].Median,
            report.ReductionPercent(BenchmarkScenario.Warm),
            report[BenchmarkScenario.Subsequent].Median,
            report.ReductionPercent(BenchmarkScenario.Subsequent),
            runs,
            directory.CombineWithFilePath("report.md").FullPath);

        if (context.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, BenchmarkReportWriter.ToMarkdown(report) + "\n");
        }
    }

    private static double TimedBuild(
        PrewarmContext context,
        CargoTool cargo,
        FilePath manifest,
        DirectoryPath workingDirectory,
        string targetDirectory,
        string cacheDirectory,
        int port,
        bool useSccache,
        bool release,
        string label,
        out UnitFreshness lastUnits)
    {
        var settings = new CargoBuildSettings
        {
            ManifestPath = manifest,
            Workspace = true,
            Release = release,
            TargetDirectory = new DirectoryPath(targetDirectory),
            WorkingDirectory = workingDirectory,
            RustcWrapper = useSccache ? "sccache" : string.Empty,
        };
        if (useSccache)
        {
            settings.EnvironmentVariables["SCCACHE_DIR"] = cacheDirectory;
            settings.EnvironmentVariables["SCCACHE_SERVER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        settings.MessageFormat = "json";
        var stopwatch = Stopwatch.StartNew();
        var output = cargo.Build(settings);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var units = UnitFreshness.From(CargoMessageParser.ParseArtifacts(output.Output, "cargo build --message-format=json"));
        context.Log.Information(
            "{0}: {1:0.00} s (dependency units fresh {2}/{3}, workspace units fresh {4}/{5})",
            label, seconds, units.FreshDependencyUnits, units.DependencyUnits, units.FreshWorkspaceUnits, units.WorkspaceUnits);
        lastUnits = units;
        return seconds;
    }

    private static void StartServer(SccacheTool sccache, bool useSccache, string cacheDirectory, int port)
    {
        if (useSccache)
        {
            Directory.CreateDirectory(cacheDirectory);
            sccache.StartServer(new SccacheServerSettings { CacheDirectory = new DirectoryPath(cacheDirectory), ServerPort = port });
        }
    }

    private static void StopServer(SccacheTool sccache, bool useSccache, int port)
    {
        if (useSccache)
        {
            sccache.StopServer(new SccacheServerSettings { ServerPort = port });
        }
    }

    /// <summary>Marks every workspace source file as edited, as a developer's change would.</summary>
    private static void Touch(string root, IEnumerable<WorkspaceTarget> targets)
    {
        var now = DateTime.UtcNow;
        var directories = targets
            .Select(t => Path.GetDirectoryName(Path.Combine(root, t.SourcePath))!)
            .Distinct(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.rs", SearchOption.AllDirectories))
            {
                if (!file.Contains($"{Path.DirectorySeparatorChar}target{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    File.SetLastWriteTimeUtc(file, now);
                }
            }
        }
    }

    /// <summary>Copies the repository without its build output, VCS data and Prewarm's artifacts.</summary>
    private static void CopyRepository(string source, string destination, string artifacts)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "target" or ".git" || FullPaths.IsSameOrInside(Path.GetFullPath(artifacts), Path.GetFullPath(directory)))
            {
                continue;
            }

            CopyRepository(directory, Path.Combine(destination, name), artifacts);
        }

        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
