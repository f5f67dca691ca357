using System.Globalization;
using System.Text.RegularExpressions;
using Prewarm.Core.Docker;

// NUnit 5 marks Order obsolete in favour of DependsOn; the edit comes last, after the cold build's assertions.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// One Warmup, one image per service, on a real engine: the bundled monorepo (tests/examples/monorepo and its
/// monorepo.toml, tags of this run's own) is warmed once. Each service gets its image under its own tag with
/// only its binary in <c>/build/bin</c>; the tier steps the services share are built for the first service and
/// CACHED for the second; Verify finds every dependency unit of each service fresh and reports per service;
/// an edit in one service leaves the other's image as it was.
/// </summary>
[Category("Docker")]
public sealed class MonorepoServicesImageTests : DockerEndToEndFixture
{
    private string OrdersTag => $"prewarm-test/monorepo-orders:{Uid}";

    private string BillingTag => $"prewarm-test/monorepo-billing:{Uid}";

    private BuildHostProcess.Result _warmup = null!;

    [OneTimeSetUp]
    public async Task WarmUpOnce()
    {
        await StartAsync("prewarm-monorepo-", registry: false, $"prewarm-test/monorepo-orders:{Uid}", $"prewarm-test/monorepo-billing:{Uid}");
        var examples = Path.Combine(RepositoryLayout.Root, "tests", "examples");
        DotNet.CopyTree(Path.Combine(examples, "monorepo"), Path.Combine(Work, "monorepo"));
        var config = Path.Combine(Work, "monorepo.toml");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(examples, "monorepo.toml"))
            .Replace("prewarm/monorepo-orders:latest", OrdersTag, StringComparison.Ordinal)
            .Replace("prewarm/monorepo-billing:latest", BillingTag, StringComparison.Ordinal));

        _warmup = await BuildHostProcess.RunAsync(Work,
            "--target=Warmup", $"--config={config}", $"--artifacts={Artifacts}", $"--base-image={DockerRequirement.BaseImage}", $"--uid={Uid}", $"--gid={Uid}");
        _warmup.ExitCode.ShouldBe(0, _warmup.All);
    }

    [Test, Order(1)]
    public async Task Each_service_has_its_image_holding_only_its_own_binary()
    {
        var orders = await DockerRequirement.RunAsync("run", "--rm", OrdersTag, "sh", "-c", "ls /build/bin && orders");
        var billing = await DockerRequirement.RunAsync("run", "--rm", BillingTag, "sh", "-c", "ls /build/bin");

        orders.ExitCode.ShouldBe(0, orders.StandardError);
        var lines = orders.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("orders");
        lines[^1].ShouldBe("audit on", "the service's features reach its image's build");
        billing.ExitCode.ShouldBe(0, billing.StandardError);
        billing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["billing"]);
    }

    [Test, Order(2)]
    public void The_shared_tier_steps_are_built_once_and_cached_for_the_second_service()
    {
        static List<BuildStep> Tiers(IEnumerable<BuildStep> steps) => [.. steps.Where(s => s.Instruction.Contains("/build/warmup/", StringComparison.Ordinal))];
        var first = Tiers(Steps("monorepo.orders"));
        var second = Tiers(Steps("monorepo.billing"));

        second.ShouldNotBeEmpty();
        second.Select(s => s.Instruction).ShouldBe(first.Select(s => s.Instruction));
        first.ShouldContain(s => s.Status != BuildStepStatus.Cached, "the first service's build compiles the tiers: " + Describe(first));
        second.ShouldAllBe(s => s.Status == BuildStepStatus.Cached, Describe(second));
    }

    [Order(3)]
    [TestCase("monorepo.orders")]
    [TestCase("monorepo.billing")]
    public void Verify_reports_each_service_with_every_dependency_unit_fresh(string id)
    {
        var json = File.ReadAllText(Path.Combine(Artifacts, "verify", id, "verify.json"));
        var fresh = Regex.Match(json, "\"dependencyFreshPercent\":\\s*([0-9.]+)");

        fresh.Success.ShouldBeTrue(json);
        double.Parse(fresh.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(100, json);
        File.Exists(Path.Combine(Artifacts, "verify", id, "verify.md")).ShouldBeTrue();
        _warmup.StandardOutput.ShouldContain($"{id}: crates ");
    }

    [Test, Order(4)]
    public async Task An_edit_in_one_service_leaves_every_layer_of_the_other_unchanged()
    {
        var layers = await LayersAsync(OrdersTag);
        File.AppendAllText(Path.Combine(Work, "monorepo", "services", "billing", "src", "main.rs"), "\n// an edit in the billing service\n");

        var result = await BuildHostProcess.RunAsync(Work,
            "--target=Image", $"--config={Path.Combine(Work, "monorepo.toml")}", $"--artifacts={Artifacts}", $"--base-image={DockerRequirement.BaseImage}", $"--uid={Uid}", $"--gid={Uid}");

        result.ExitCode.ShouldBe(0, result.All);
        var orders = Steps("monorepo.orders");
        orders.ShouldAllBe(s => s.Status == BuildStepStatus.Cached, Describe(orders));
        (await LayersAsync(OrdersTag)).ShouldBe(layers);
        Steps("monorepo.billing").ShouldContain(s => s.Status != BuildStepStatus.Cached, "the edited service is built again");
    }

    private static async Task<string> LayersAsync(string tag)
    {
        var inspect = await DockerRequirement.RunAsync("image", "inspect", tag, "--format", "{{json .RootFS.Layers}}");
        inspect.ExitCode.ShouldBe(0, inspect.StandardError);
        return inspect.StandardOutput.Trim();
    }
}
