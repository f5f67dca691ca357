namespace Prewarm.Tests.Services;

/// <summary>
/// Services through the real build host, up to the Dockerfile (no engine needed): the bundled monorepo and its
/// monorepo.toml give each service its recipe and Dockerfile under <c>&lt;repo-id&gt;.&lt;service&gt;</c>, with the
/// same tier steps in both; a service naming a package the workspace lacks stops the run before anything is written.
/// </summary>
[TestFixture]
[Category("Slow")] // starts the build host
public sealed class MonorepoServicesHostTests
{
    private TemporaryDirectory _work = null!;
    private string _config = null!;

    private string Artifacts => Path.Combine(_work.Path, "artifacts");

    [SetUp]
    public void CopyExample()
    {
        _work = new TemporaryDirectory("prewarm-services-");
        var examples = Path.Combine(RepositoryLayout.Root, "tests", "examples");
        DotNet.CopyTree(Path.Combine(examples, "monorepo"), Path.Combine(_work.Path, "monorepo"));
        _config = Path.Combine(_work.Path, "monorepo.toml");
        File.Copy(Path.Combine(examples, "monorepo.toml"), _config);
    }

    [TearDown]
    public void Delete() => _work.Dispose();

    [Test]
    public async Task Each_service_gets_its_recipe_and_Dockerfile_with_the_same_tier_steps()
    {
        var result = await BuildHostProcess.RunAsync(_work.Path, "--target=Dockerfile", $"--config={_config}", $"--artifacts={Artifacts}");

        result.ExitCode.ShouldBe(0, result.All);
        Directory.GetDirectories(Path.Combine(Artifacts, "recipes")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["monorepo.billing", "monorepo.orders"]);
        var orders = File.ReadAllText(Path.Combine(Artifacts, "docker", "monorepo.orders", "Dockerfile"));
        var billing = File.ReadAllText(Path.Combine(Artifacts, "docker", "monorepo.billing", "Dockerfile"));
        UpToTheSkeleton(orders).ShouldBe(UpToTheSkeleton(billing));
        orders.ShouldContain("cargo build --release -p orders-api --features audit --locked");
        billing.ShouldContain("cargo build --release --bin billing --locked");
        var tiers = File.ReadAllText(Path.Combine(Artifacts, "warmup", "tiers.json"));
        tiers.ShouldNotContain("\"uuid\"", customMessage: "only orders builds uuid");
        tiers.ShouldNotContain("\"chrono\"", customMessage: "only billing builds chrono");
    }

    [Test]
    public async Task A_service_naming_a_package_the_workspace_lacks_stops_the_run_before_anything_is_written()
    {
        File.WriteAllText(_config, File.ReadAllText(_config).Replace("package = [\"orders-api\"]", "package = [\"orders-apii\"]", StringComparison.Ordinal));

        var result = await BuildHostProcess.RunAsync(_work.Path, "--target=Recipe", $"--config={_config}", $"--artifacts={Artifacts}");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal))
            .ShouldContain($"{_config}:20:2: service 'orders': package 'orders-apii' is not in the workspace");
        Directory.Exists(Path.Combine(Artifacts, "recipes")).ShouldBeFalse();
        Directory.Exists(Path.Combine(Artifacts, "warmup")).ShouldBeFalse();
    }

    // The header comment names the build; every step up to the skeleton's is the same.
    private static string UpToTheSkeleton(string dockerfile) =>
        string.Join('\n', dockerfile.Split('\n').Where(l => !l.StartsWith("# Builder image for", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("COPY --chown=1001:1001 prewarm/skeleton/", StringComparison.Ordinal)));
}
