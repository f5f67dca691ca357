namespace Prewarm.Tests.Configuration;

/// <summary>prewarm.toml read by the real build host: file values apply, the command line wins.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class PrewarmConfigHostTests
{
    private DirectoryInfo _work = null!;

    [SetUp]
    public void SetUp() => _work = Directory.CreateTempSubdirectory("prewarm-config-");

    [TearDown]
    public void TearDown() => _work.Delete(recursive: true);

    [Test]
    public async Task Artifacts_from_the_file_are_used_relative_to_it()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "prewarm.toml"), "artifacts = \"from-file\"\n");
        Directory.CreateDirectory(Path.Combine(_work.FullName, "from-file"));

        var result = await BuildHostProcess.RunAsync(_work.FullName, "--target=Clean");

        result.ExitCode.ShouldBe(0, result.All);
        Directory.Exists(Path.Combine(_work.FullName, "from-file")).ShouldBeFalse();
    }

    [Test]
    public async Task The_command_line_wins_over_the_file()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "prewarm.toml"), "artifacts = \"from-file\"\n");
        Directory.CreateDirectory(Path.Combine(_work.FullName, "from-file"));
        Directory.CreateDirectory(Path.Combine(_work.FullName, "from-cli"));

        var result = await BuildHostProcess.RunAsync(_work.FullName, "--target=Clean", "--artifacts=from-cli");

        result.ExitCode.ShouldBe(0, result.All);
        Directory.Exists(Path.Combine(_work.FullName, "from-file")).ShouldBeTrue();
        Directory.Exists(Path.Combine(_work.FullName, "from-cli")).ShouldBeFalse();
    }

    [Test]
    public async Task An_unknown_key_fails_the_run_with_one_line_naming_it()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "prewarm.toml"), "artifacts = \"x\"\nartefacts = \"y\"\n");

        var result = await BuildHostProcess.RunAsync(_work.FullName, "--target=Clean");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("prewarm.toml:2:1: unknown key 'artefacts' in prewarm.toml; did you mean 'artifacts'?");
    }

    [Test]
    public async Task An_explicit_config_that_does_not_exist_is_an_error()
    {
        var result = await BuildHostProcess.RunAsync(_work.FullName, "--target=Clean", "--config=nope.toml");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("nope.toml: configuration file not found");
    }
}
