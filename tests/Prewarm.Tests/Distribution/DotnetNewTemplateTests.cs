using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Distribution;

/// <summary>
/// templates/dotnet-new/prewarm-rust installed from the folder (into a private template hive),
/// instantiated in a copy of the bundled Rust example, and the generated build.sh run for real.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class DotnetNewTemplateTests
{
    private string _work = null!;
    private string _repository = null!;

    [OneTimeSetUp]
    public async Task Instantiate()
    {
        var (feed, version) = await PackageFeed.GetAsync();
        _work = Directory.CreateTempSubdirectory("prewarm-template-").FullName;
        var hive = Path.Combine(_work, "hive");
        _repository = Path.Combine(_work, "shop");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), _repository);

        var template = Path.Combine(RepositoryLayout.Root, "templates", "dotnet-new", "prewarm-rust");
        await DotNet.RunAsync(_work, "new", "install", template, "--debug:custom-hive", hive);
        await DotNet.RunAsync(_repository, "new", "prewarm", "--prewarmVersion", version, "--baseImage", "prewarm/rust-base:bookworm", "--debug:custom-hive", hive);

        // A team using a local feed says so in nuget.config; so does this test.
        File.WriteAllText(Path.Combine(_repository, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="prewarm-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Generates_the_build_project_scripts_and_config()
    {
        File.Exists(Path.Combine(_repository, "build", "PrewarmBuild.csproj")).ShouldBeTrue();
        File.Exists(Path.Combine(_repository, "build", "Program.cs")).ShouldBeTrue();
        File.Exists(Path.Combine(_repository, "build.sh")).ShouldBeTrue();
        File.Exists(Path.Combine(_repository, "build.ps1")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(_repository, "prewarm.toml")).ShouldContain("base-image = \"prewarm/rust-base:bookworm\"");
        if (!OperatingSystem.IsWindows())
        {
            (File.GetUnixFileMode(Path.Combine(_repository, "build.sh")) & UnixFileMode.UserExecute).ShouldNotBe(UnixFileMode.None);
        }
    }

    [Test]
    public async Task The_generated_build_runs_and_reads_its_prewarm_toml()
    {
        var artifacts = Path.Combine(_repository, "artifacts", "prewarm");
        Directory.CreateDirectory(artifacts);

        var result = await Cli.Wrap("bash")
            .WithArguments(["build.sh", "--target=Clean"])
            .WithWorkingDirectory(_repository)
            .WithEnvironmentVariables(e => e.Set("NO_COLOR", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        Directory.Exists(artifacts).ShouldBeFalse();
    }
}
