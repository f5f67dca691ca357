using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>
/// Tests that need a Docker engine and the local Rust base image. Where CI requires Docker
/// (PREWARM_REQUIRE_DOCKER=1) their absence fails the test; elsewhere it skips it.
/// </summary>
internal static class DockerRequirement
{
    public const string Cli = "/usr/bin/docker";
    public const string BaseImage = "prewarm/rust-base:bookworm";

    public static bool Required => Environment.GetEnvironmentVariable("PREWARM_REQUIRE_DOCKER") == "1";

    public static async Task EnsureAsync()
    {
        if (!File.Exists(Cli))
        {
            Missing($"{Cli} not found (apt-get install docker.io; tests/setup.sh does it).");
        }

        var info = await RunAsync("info", "--format", "{{.ServerVersion}}");
        if (info.ExitCode != 0)
        {
            Missing($"no Docker engine answers ({info.StandardError.Trim()}); tests/setup.sh starts dockerd.");
        }

        var image = await RunAsync("image", "inspect", BaseImage);
        if (image.ExitCode != 0)
        {
            Missing($"base image {BaseImage} is missing; tests/setup.sh builds it (tests/base-image/build.sh).");
        }
    }

    public static Task<BufferedCommandResult> RunAsync(params string[] args) =>
        global::CliWrap.Cli.Wrap(Cli)
            .WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

    private static void Missing(string why)
    {
        if (Required)
        {
            Assert.Fail($"Docker is required here (PREWARM_REQUIRE_DOCKER=1) but {why}");
        }

        Assert.Ignore($"Docker not available: {why}");
    }
}
