using Prewarm.Core;
using Prewarm.Core.Cargo;
using Prewarm.Core.Configuration;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Core.Services;
using Prewarm.Core.Warmup;

namespace Prewarm.Tests.Services;

/// <summary>
/// Services of a monorepo, without a process: <c>[services.NAME]</c> tables read as strictly as the rest of
/// prewarm.toml, held against the scanned workspace (the bundled tests/examples/monorepo), planned into one
/// build per service, and the shared tiers holding only what every service builds.
/// </summary>
[TestFixture]
public sealed class MonorepoServicesTests
{
    private static readonly string Monorepo = Path.Combine(RepositoryLayout.Root, "tests", "examples", "monorepo");

    private const string Declared = """
        repo = ["monorepo"]

        [recipe]
        profile = "release"

        [services.orders]
        package = ["orders-api"]
        features = ["json", "audit", "json"]
        tag = ["prewarm/shop-orders:latest"]

        [services.billing]
        bin = "billing"
        no-default-features = true
        """;

    [Test]
    public void Service_tables_become_typed_definitions_beside_the_options()
    {
        var config = PrewarmConfigFile.Read(Declared, "p.toml");

        config.Options["repo"].ShouldBe(["monorepo"]);
        config.Options["profile"].ShouldBe(["release"]);
        config.Options.Keys.ShouldNotContain(k => k.Contains("services", StringComparison.Ordinal));
        config.Services.Select(s => s.Name).ShouldBe(["orders", "billing"]);
        var orders = config.Services[0];
        orders.Packages.ShouldBe(["orders-api"]);
        orders.Bins.ShouldBeEmpty();
        orders.Features.ShouldBe(["audit", "json"]);
        orders.Tags.ShouldBe(["prewarm/shop-orders:latest"]);
        orders.Declared.ShouldBe("p.toml:6:2");
        var billing = config.Services[1];
        billing.Bins.ShouldBe(["billing"]);
        billing.NoDefaultFeatures.ShouldBeTrue();
        billing.AllFeatures.ShouldBeFalse();
        billing.Tags.ShouldBeEmpty();
    }

    [TestCase("[services.orders]\npackage = [\"orders-api\"]\npackages = [\"x\"]\n", "p.toml:3:1: unknown key 'packages' in service 'orders'; did you mean 'package'?")]
    [TestCase("[services.orders]\nbin = [\"orders\"]\nfeature = [\"x\"]\n", "p.toml:3:1: unknown key 'feature' in service 'orders'; did you mean 'features'?")]
    [TestCase("[services.Orders]\npackage = [\"orders-api\"]\n", "p.toml:1:2: service 'Orders': a service name is lower-case letters, digits and dashes")]
    [TestCase("[services.orders]\nfeatures = [\"audit\"]\n", "p.toml:1:2: service 'orders' names no package and no bin")]
    [TestCase("[services.orders]\npackage = 1\n", "p.toml:2:11: 'package' of service 'orders' takes a string or an array of strings.")]
    [TestCase("[services.orders]\nbin = [\"orders\"]\nall-features = \"yes\"\n", "p.toml:3:16: 'all-features' of service 'orders' takes true or false.")]
    [TestCase("[services]\norders = 1\n", "p.toml:1:2: declare each service as a table of its own, [services.NAME].")]
    [TestCase("[services.orders]\nbin = [\"orders\"]\n[services.orders]\nbin = [\"billing\"]\n", "p.toml:3:1: The key `services.orders` is already defined at (1,1) with `[services.orders]\u2424bin = [\"orders\"]` and cannot be redefined")]
    public void A_bad_service_table_is_one_line_naming_the_file_and_position(string toml, string expected)
    {
        var error = Should.Throw<PrewarmConfigException>(() => PrewarmConfigFile.Read(toml, "p.toml"));

        error.Message.ShouldStartWith(expected);
        error.Message.ShouldNotContain("\n");
    }

    [Test]
    public void A_service_naming_what_the_workspace_lacks_is_refused_naming_the_file_and_service()
    {
        var repository = RepositoryScanner.Scan(Monorepo);
        ServiceDefinition Service(string[] packages, string[] bins) => new() { Name = "orders", Declared = "p.toml:6:2", Packages = packages, Bins = bins };

        Should.NotThrow(() => ServiceWorkspaceCheck.Require(Service(["orders-api"], ["billing"]), repository));
        Should.Throw<PrewarmException>(() => ServiceWorkspaceCheck.Require(Service(["orders"], []), repository)).Message
            .ShouldBe($"p.toml:6:2: service 'orders': package 'orders' is not in the workspace {repository.RootPath} (packages: billing-worker, monorepo-common, orders-api)");
        Should.Throw<PrewarmException>(() => ServiceWorkspaceCheck.Require(Service([], ["orders-api"]), repository)).Message
            .ShouldBe($"p.toml:6:2: service 'orders': bin 'orders-api' is not in the workspace {repository.RootPath} (binaries: billing, orders)");
    }

    [Test]
    public void Each_service_is_one_build_under_repo_id_dot_service_with_its_own_identity_and_tags()
    {
        var services = PrewarmConfigFile.Read(Declared, "p.toml").Services;
        var run = new BuildIdentity { Profile = "release", Target = "x86_64-unknown-linux-gnu", Features = ["trace"] };

        var units = BuildUnit.Plan([Monorepo], run, [], services);

        units.Select(u => u.Id).ShouldBe(["monorepo.orders", "monorepo.billing"]);
        units.ShouldAllBe(u => u.RepositoryId == "monorepo" && u.Repository == Monorepo);
        units[0].Build.Difference(run with { Packages = ["orders-api"], Features = ["audit", "json", "trace"] }).ShouldBeNull();
        units[0].Tags.ShouldBe(["prewarm/shop-orders:latest"]);
        units[1].Build.Difference(run with { Bins = ["billing"], NoDefaultFeatures = true }).ShouldBeNull();
        units[1].Service!.Name.ShouldBe("billing");
    }

    [Test]
    public void Without_services_each_repository_is_one_build_as_before()
    {
        var run = new BuildIdentity { Packages = ["orders-api"] };

        var units = BuildUnit.Plan(["/r/shop", "/x/shop"], run, ["acme/b:1"], []);

        units.Select(u => (u.Id, u.RepositoryId, u.Repository)).ShouldBe([("shop", "shop", "/r/shop"), ("shop-2", "shop-2", "/x/shop")]);
        units.ShouldAllBe(u => u.Build == run && u.Service == null && u.Tags.SequenceEqual(new[] { "acme/b:1" }));
    }

    [TestCase("--repo")]
    [TestCase("--package")]
    [TestCase("--tag")]
    public void Services_refuse_what_would_name_a_second_selection_or_image(string option)
    {
        var services = PrewarmConfigFile.Read(Declared, "p.toml").Services;
        string[] repositories = option == "--repo" ? [Monorepo, "/other"] : [Monorepo];
        var run = option == "--package" ? new BuildIdentity { Packages = ["orders-api"] } : new BuildIdentity();
        string[] tags = option == "--tag" ? ["acme/one:1"] : [];

        var error = Should.Throw<PrewarmException>(() => BuildUnit.Plan(repositories, run, tags, services));

        error.Message.ShouldStartWith("p.toml:6:2: services are declared, but ");
        error.Message.ShouldContain(option);
    }

    [Test]
    public void The_shared_tiers_hold_only_crates_every_service_builds()
    {
        var repository = RepositoryScanner.Scan(Monorepo);
        var units = BuildUnit.Plan([Monorepo], new BuildIdentity(), [], PrewarmConfigFile.Read(Declared, "p.toml").Services);
        var scopes = units.Select(u => MemberScope.Of(repository, u.Build.Selection()) with { Id = u.Id }).ToList();

        var plan = SharedWarmup.Decide(scopes, WarmupOptions.Default);

        var crates = plan.Crates.SelectMany(c => c.Dependencies.Select(d => d.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        crates.ShouldBe(["anyhow", "serde", "serde_json"]);
    }

    /// <summary>Nothing in common: no tiers at all, rather than the catalog's defaults, which no lockfile pins.</summary>
    [Test]
    public void Services_sharing_no_crate_get_no_tiers()
    {
        using var work = new TemporaryDirectory("prewarm-services-");
        File.WriteAllText(Path.Combine(work.Path, "Cargo.toml"), "[workspace]\nmembers = [\"a\", \"b\"]\n");
        Member(work.Path, "a", "itoa = \"1\"");
        Member(work.Path, "b", "ryu = \"1\"");
        File.WriteAllText(Path.Combine(work.Path, "Cargo.lock"), """
            version = 3

            [[package]]
            name = "a"
            version = "0.1.0"
            dependencies = ["itoa"]

            [[package]]
            name = "b"
            version = "0.1.0"
            dependencies = ["ryu"]

            [[package]]
            name = "itoa"
            version = "1.0.1"
            source = "registry+https://github.com/rust-lang/crates.io-index"

            [[package]]
            name = "ryu"
            version = "1.0.9"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            """);
        var repository = RepositoryScanner.Scan(work.Path);
        RecipeOptions Only(string package) => new() { Packages = [package] };

        var plan = SharedWarmup.Decide([MemberScope.Of(repository, Only("a")) with { Id = "r.a" }, MemberScope.Of(repository, Only("b")) with { Id = "r.b" }], WarmupOptions.Default);

        plan.Crates.ShouldBeEmpty();
    }

    private static void Member(string root, string name, string dependency)
    {
        Directory.CreateDirectory(Path.Combine(root, name, "src"));
        File.WriteAllText(Path.Combine(root, name, "Cargo.toml"), $"[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{dependency}\n");
        File.WriteAllText(Path.Combine(root, name, "src", "lib.rs"), "");
    }
}
