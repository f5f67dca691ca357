using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Services;

/// <summary>
/// Services through the real build host, up to the Dockerfile (no engine needed): the bundled monorepo and its
/// monorepo.toml give each service its recipe and Dockerfile under <c>&lt;repo-id&gt;.&lt;service&gt;</c>, with the
/// same tier steps in both; a service naming a package the workspace lacks stops the run before anything is written;
/// services sharing no crate are cooked and verified locally, each on its own.
/// </summary>
[TestFixture]
[Category("Slow")] // starts the build host and cargo
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

    /// <summary>Two services with no crate in common: no tiers; Cook builds each service's skeleton and the
    /// local Verify finds each one's dependency units fresh, reported under its own id.</summary>
    [Test]
    public async Task Services_sharing_no_crate_are_cooked_and_verified_each_on_its_own()
    {
        var root = Path.Combine(_work.Path, "disjoint");
        Directory.CreateDirectory(Path.Combine(root, ".cargo"));
        File.Copy(Path.Combine(_work.Path, "monorepo", ".cargo", "config.toml"), Path.Combine(root, ".cargo", "config.toml"));
        File.WriteAllText(Path.Combine(root, "Cargo.toml"), "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n");
        Member(root, "a", "itoa", "fn main() { println!(\"{}\", itoa::Buffer::new().format(1)); }");
        Member(root, "b", "ryu", "fn main() { println!(\"{}\", ryu::Buffer::new().format(1.5)); }");
        await CargoProcess.RunAsync(root, ["generate-lockfile", "--offline"]);
        File.WriteAllText(_config, $"repo = [\"disjoint\"]\nsccache = false\n\n[services.a]\npackage = [\"a\"]\n\n[services.b]\nbin = [\"b\"]\n");
        string[] common = [$"--config={_config}", $"--artifacts={Artifacts}", $"--target-dir={Path.Combine(_work.Path, "target")}"];

        var cook = await BuildHostProcess.RunAsync(_work.Path, ["--target=Cook", .. common]);
        var verify = await BuildHostProcess.RunAsync(_work.Path, ["--target=Verify", "--exclusive", .. common]);

        cook.ExitCode.ShouldBe(0, cook.All);
        File.ReadAllText(Path.Combine(Artifacts, "warmup", "tiers.json")).ShouldContain("\"tiers\": []");
        verify.ExitCode.ShouldBe(0, verify.All);
        verify.StandardOutput.ShouldContain("disjoint.a: crates 0/0 present; dependency units fresh 1/1");
        verify.StandardOutput.ShouldContain("disjoint.b: crates 0/0 present; dependency units fresh 2/2");
        File.Exists(Path.Combine(Artifacts, "verify", "disjoint.b", "verify.json")).ShouldBeTrue();
    }

    private static void Member(string root, string name, string dependency, string main)
    {
        Directory.CreateDirectory(Path.Combine(root, name, "src"));
        File.WriteAllText(Path.Combine(root, name, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependency} = \"1\"\n");
        File.WriteAllText(Path.Combine(root, name, "src", "main.rs"), main);
    }

    // The header comment names the build; every step up to the skeleton's is the same.
    private static string UpToTheSkeleton(string dockerfile) =>
        string.Join('\n', dockerfile.Split('\n').Where(l => !l.StartsWith("# Builder image for", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("COPY --chown=1001:1001 prewarm/skeleton/", StringComparison.Ordinal)));
}
