using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>
/// A second Docker engine with nothing in it (tests/fresh-engine.sh): what an ephemeral CI runner
/// has. Its only source of images is the local registry. Disposing stops it and removes its state.
/// </summary>
internal sealed class FreshEngine : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(RepositoryLayout.Root, "tests", "fresh-engine.sh");
    private readonly string _directory;

    private FreshEngine(string directory, string host)
    {
        _directory = directory;
        Host = host;
    }

    /// <summary>The DOCKER_HOST that reaches this engine.</summary>
    public string Host { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["DOCKER_HOST"] = Host };

    public static async Task<FreshEngine> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"prewarm-fresh-engine-{Guid.NewGuid():N}"[..32]);
        var start = await Cli.Wrap(Script).WithArguments(["start", directory])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(Encoding.UTF8);
        if (start.ExitCode != 0)
        {
            Assert.Fail($"tests/fresh-engine.sh could not start a second engine: {start.StandardError}");
        }

        return new FreshEngine(directory, start.StandardOutput.Trim());
    }

    public Task<BufferedCommandResult> RunAsync(params string[] args) =>
        Cli.Wrap(DockerRequirement.Cli).WithArguments(args)
            .WithEnvironmentVariables(e => e.Set("DOCKER_HOST", Host))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

    public async ValueTask DisposeAsync() =>
        await Cli.Wrap(Script).WithArguments(["stop", _directory]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
}
