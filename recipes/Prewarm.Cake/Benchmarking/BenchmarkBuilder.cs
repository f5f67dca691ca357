using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Sccache;
using Prewarm.Core.Benchmarking;
using Prewarm.Core.Recipes;
using Prewarm.Core.Verification;

namespace Prewarm.Cake.Benchmarking;

/// <summary>Runs a benchmark's builds with cargo, each phase with a private sccache server (a free
/// port, the phase's own cache) when sccache is used, and times them. Every build makes the run's
/// <see cref="BuildIdentity"/> (profile, target, feature switches, selection).</summary>
internal sealed class BenchmarkBuilder(ICakeContext context, bool useSccache, BuildIdentity build)
{
    private readonly int _port = FreePort();

    /// <summary>cargo metadata --no-deps of the repository: its workspace targets are what the stubs replace.</summary>
    public IReadOnlyList<WorkspaceTarget> Targets(string repository) => CargoMetadataReader.WorkspaceTargets(
        context.CargoMetadata(new CargoMetadataSettings { ManifestPath = Path.Combine(repository, "Cargo.toml"), NoDependencies = true, WorkingDirectory = repository }),
        "cargo metadata --no-deps");

    /// <summary>Runs the phase's builds in order (each announced to <paramref name="status"/>) and records the timed ones.</summary>
    public void Run(BenchmarkPhase phase, BenchmarkWorkspace workspace, BenchmarkResults results, Action<string> status)
    {
        Start(phase);
        foreach (var build in phase.Builds)
        {
            status(build.Status);
            if (build.TouchSources)
            {
                workspace.TouchSources(DateTime.UtcNow);
            }

            var (seconds, units) = Build(phase, build, build.FromStubs ? workspace.Stubbed : workspace.Repository);
            results.Add(build, seconds, units);
        }

        Stop();
    }

    private void Start(BenchmarkPhase phase)
    {
        if (useSccache)
        {
            Directory.CreateDirectory(phase.CacheDirectory);
            context.SccacheStartServer(new SccacheServerSettings { CacheDirectory = new DirectoryPath(phase.CacheDirectory), ServerPort = _port });
        }
    }

    /// <summary>Stops the phase's server; harmless when none runs.</summary>
    public void Stop()
    {
        if (useSccache)
        {
            context.SccacheStopServer(new SccacheServerSettings { ServerPort = _port });
        }
    }

    /// <summary>Builds the workspace in <paramref name="workingDirectory"/> into the phase's target directory; returns the seconds and the units.</summary>
    private (double Seconds, UnitFreshness Units) Build(BenchmarkPhase phase, BenchmarkBuild timed, string workingDirectory)
    {
        var settings = Settings(build, workingDirectory, phase.TargetDirectory, useSccache);
        if (useSccache)
        {
            settings.EnvironmentVariables["SCCACHE_DIR"] = phase.CacheDirectory;
            settings.EnvironmentVariables["SCCACHE_SERVER_PORT"] = _port.ToString(CultureInfo.InvariantCulture);
        }

        var stopwatch = Stopwatch.StartNew();
        var output = context.CargoBuild(settings);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var units = UnitFreshness.From(CargoMessageParser.ParseArtifacts(output.Output, "cargo build --message-format=json"));
        context.Log.Information("{0}", timed.Describe(seconds, units));
        return (seconds, units);
    }

    /// <summary>One timed build: <paramref name="build"/> in <paramref name="workingDirectory"/> into <paramref name="targetDirectory"/>, with cargo's JSON messages.</summary>
    internal static CargoBuildSettings Settings(BuildIdentity build, string workingDirectory, string targetDirectory, bool useSccache) => new CargoBuildSettings
    {
        ManifestPath = Path.Combine(workingDirectory, "Cargo.toml"),
        TargetDirectory = new DirectoryPath(targetDirectory),
        WorkingDirectory = workingDirectory,
        MessageFormat = "json",
        RustcWrapper = useSccache ? "sccache" : string.Empty,
    }.Making(build);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
