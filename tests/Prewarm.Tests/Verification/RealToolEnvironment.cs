using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Prewarm.Tests.Support;

namespace Prewarm.Tests.Verification;

/// <summary>
/// A scratch directory with a copy of the tiny fixture crate and a private sccache (own cache dir, own
/// server port, stopped on dispose), so real cargo/sccache runs never touch another test's server.
/// </summary>
internal sealed class RealToolEnvironment : IDisposable
{
    public RealToolEnvironment()
    {
        Root = Directory.CreateTempSubdirectory("prewarm-verify-test-").FullName;
        Repository = Path.Combine(Root, "tiny");
        Copy(TestData.TinyFixture, Repository);
        SccacheDirectory = Path.Combine(Root, "sccache");
        Artifacts = Path.Combine(Root, "artifacts");
        Port = FreePort();
    }

    public string Root { get; }
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

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) != "target"))
        {
            Copy(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }

        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
