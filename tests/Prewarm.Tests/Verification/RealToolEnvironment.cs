using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Verification;

/// <summary>
/// A scratch directory with a copy of the tiny fixture crate and a private sccache (own cache dir, own
/// server port, stopped on dispose), so real cargo/sccache runs never touch another test's server.
/// </summary>
internal sealed class RealToolEnvironment : IDisposable
{
    private readonly TemporaryDirectory _root = new("prewarm-verify-test-");

    public RealToolEnvironment()
    {
        Repository = Path.Combine(Root, "tiny");
        DotNet.CopyTree(TestData.TinyFixture, Repository);
        SccacheDirectory = Path.Combine(Root, "sccache");
        Artifacts = Path.Combine(Root, "artifacts");
        Port = FreePort();
    }

    public string Root => _root.Path;
    public string Repository { get; }
    public string SccacheDirectory { get; }
    public string Artifacts { get; }
    public int Port { get; }

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["SCCACHE_DIR"] = SccacheDirectory,
        ["SCCACHE_SERVER_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NO_COLOR"] = "1",
        ["GITHUB_STEP_SUMMARY"] = null,
    };

    /// <summary>Runs the real build host (build/Build.dll) in the repository with the private sccache environment.</summary>
    public async Task<BuildHostProcess.Result> RunHostAsync(params string[] args)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments(a => a.Add(RepositoryLayout.BuildDll).Add(args).Add($"--repo={Repository}").Add($"--artifacts={Artifacts}"))
            .WithWorkingDirectory(Repository)
            .WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        return new BuildHostProcess.Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public async Task<string> RunAsync(string tool, params string[] args)
    {
        var result = await Cli.Wrap(tool)
            .WithArguments(args)
            .WithWorkingDirectory(Repository)
            .WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        return result.StandardOutput;
    }

    public void Dispose()
    {
        try
        {
            RunAsync("sccache", "--stop-server").GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // sccache missing: nothing to stop.
        }

        _root.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
