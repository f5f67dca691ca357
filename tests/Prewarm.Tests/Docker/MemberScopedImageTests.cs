using Prewarm.Core.Docker;

// NUnit 5 marks Order obsolete in favour of DependsOn; these steps are one ordered scenario on one image.
#pragma warning disable CS0618

namespace Prewarm.Tests.Docker;

/// <summary>
/// One build identity, end to end, on a real engine: a copy of the bundled example whose domain crate
/// gains a feature-gated binary is built as a member-scoped image (<c>--package=shop-domain</c>) with
/// <c>--features</c>, an explicit <c>--rust-target</c> and <c>--release</c>. One cold build; its assertions:
/// nothing outside the domain crate's closure compiles (tiers, skeleton, real build), Verify finds the
/// dependency units fresh, <c>/build/bin</c> holds the selected binary with its feature, an edit in another
/// member changes no layer, and a later stage run with another target is refused naming the option.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class MemberScopedImageTests
{
    private const string Tag = "prewarm-test/shop-domain:scoped";
    private const string Triple = "x86_64-unknown-linux-gnu";

    /// <summary>Crates only the other members (storage, server) build: none may compile in this image.</summary>
    private static readonly string[] OutsideClosure = ["tokio", "hyper", "tokio-postgres", "clap", "tracing-subscriber", "shop-storage", "shop-server"];

    private TemporaryDirectory _work = null!;
    private string _repository = null!;
    private string _artifacts = null!;
    private string _layers = null!;

    // A build user of this run's own makes every layer new, so the cold build is really cold.
    private readonly int _uid = Random.Shared.Next(20_000, 60_000);

    [OneTimeSetUp]
    public async Task BuildCold()
    {
        await DockerRequirement.EnsureAsync();
        _work = new TemporaryDirectory("prewarm-scoped-");
        _repository = Path.Combine(_work.Path, "shop");
        _artifacts = Path.Combine(_work.Path, "artifacts");
        DotNet.CopyTree(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"), _repository);
        var domain = Path.Combine(_repository, "crates", "domain");
        File.AppendAllText(Path.Combine(domain, "Cargo.toml"), "\n[features]\nreceipt = []\n");
        Directory.CreateDirectory(Path.Combine(domain, "src", "bin"));
        File.WriteAllText(Path.Combine(domain, "src", "bin", "shop-receipt.rs"), """
            fn main() {
                #[cfg(feature = "receipt")]
                println!("receipt feature on");
                #[cfg(not(feature = "receipt"))]
                println!("receipt feature off");
            }
            """);

        var cold = await BuildHostProcess.RunAsync(_work.Path, Arguments("--target=Verify"));
        cold.ExitCode.ShouldBe(0, cold.All);
        _layers = await LayersAsync();
    }

    [OneTimeTearDown]
    public async Task CleanUp()
    {
        _work?.Dispose();
        if (File.Exists(DockerRequirement.Cli))
        {
            await DockerRequirement.RunAsync("image", "rm", "-f", Tag);
        }
    }

    [Test, Order(1)]
    public async Task Nothing_outside_the_selections_closure_compiles_and_verify_finds_its_units_fresh()
    {
        var dockerfile = File.ReadAllText(Path.Combine(_artifacts, "docker", "shop", "Dockerfile"));
        dockerfile.ShouldContain($"cargo build --release -p shop-domain --target {Triple} --features receipt --locked");
        dockerfile.ShouldContain($"rustc --print target-libdir --target {Triple}");
        var tiers = File.ReadAllText(Path.Combine(_artifacts, "warmup", "tiers.json"));
        var messages = await DockerRequirement.RunAsync("run", "--rm", Tag, "sh", "-c", "cat /build/prewarm/skeleton-messages.json /build/prewarm/build-messages.json");
        messages.ExitCode.ShouldBe(0, messages.StandardError);
        foreach (var crate in OutsideClosure)
        {
            tiers.ShouldNotContain($"\"{crate}\"", customMessage: tiers);
            messages.StandardOutput.ShouldNotContain($"\"name\":\"{crate}\"", customMessage: $"{crate} compiled in the image");
        }

        messages.StandardOutput.ShouldContain($"/{Triple}/release/", customMessage: "the build went to the per-triple target directory");
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts, "verify", "verify.json")));
        var text = report.RootElement.GetRawText();
        text.ShouldContain(Tag);
        var share = FreshShare(report.RootElement);
        share.ShouldBeGreaterThanOrEqualTo(95, text);
        TestContext.Out.WriteLine($"member-scoped image: {share}% of the dependency units fresh; {File.ReadAllLines(Path.Combine(_artifacts, "verify", "verify.md")).FirstOrDefault(l => l.StartsWith("Dependency units fresh", StringComparison.Ordinal))}");
    }

    [Test, Order(2)]
    public async Task The_image_holds_only_the_selected_binary_built_with_its_feature()
    {
        var bin = await DockerRequirement.RunAsync("run", "--rm", Tag, "sh", "-c", "ls /build/bin && shop-receipt");

        bin.ExitCode.ShouldBe(0, bin.StandardError);
        bin.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["shop-receipt", "receipt feature on"]);
    }

    [Test, Order(3)]
    public async Task An_edit_in_another_member_changes_no_layer()
    {
        File.AppendAllText(Path.Combine(_repository, "crates", "storage", "src", "lib.rs"), "\n// an edit outside the closure\n");
        File.AppendAllText(Path.Combine(_repository, "apps", "server", "src", "main.rs"), "\n// another\n");
        var server = Path.Combine(_repository, "apps", "server", "Cargo.toml");
        File.WriteAllText(server, File.ReadAllText(server).Replace("publish = false", "publish = false\ndescription = \"edited\"", StringComparison.Ordinal));

        var result = await BuildHostProcess.RunAsync(_work.Path, Arguments("--target=Image"));

        result.ExitCode.ShouldBe(0, result.All);
        var steps = BuildProgressParser.Parse(File.ReadAllText(Path.Combine(_artifacts, "docker", "shop", "build.log"))).Where(s => s.IsDockerfileStep).ToList();
        steps.ShouldNotBeEmpty();
        steps.Where(s => s.Instruction.StartsWith("RUN", StringComparison.Ordinal) || s.Instruction.StartsWith("COPY", StringComparison.Ordinal))
            .ShouldAllBe(s => s.Status == BuildStepStatus.Cached, string.Join("\n", steps.Select(s => $"{s.Status}: {s.Instruction[..Math.Min(100, s.Instruction.Length)]}")));
        (await LayersAsync()).ShouldBe(_layers);
    }

    [Test, Order(4)]
    public async Task A_later_stage_run_with_another_target_is_refused_naming_the_option()
    {
        var result = await BuildHostProcess.RunAsync(_work.Path, [.. Arguments("--target=Dockerfile").Where(a => !a.StartsWith("--rust-target=", StringComparison.Ordinal)), "--exclusive"]);

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.Split('\n').Single(l => l.StartsWith("Error: ", StringComparison.Ordinal))
            .ShouldContain($"stale (--rust-target: made for {Triple}, this run builds (host)); the Recipe task writes it again (run --target=Recipe, or drop --exclusive)");
    }

    private string[] Arguments(string target) =>
    [
        target, $"--repo={_repository}", $"--artifacts={_artifacts}", "--package=shop-domain", "--features=receipt", $"--rust-target={Triple}", "--release",
        $"--base-image={DockerRequirement.BaseImage}", "--platform=linux/amd64", $"--tag={Tag}", $"--uid={_uid}", $"--gid={_uid}",
    ];

    private static async Task<string> LayersAsync()
    {
        var inspect = await DockerRequirement.RunAsync("image", "inspect", Tag, "--format", "{{json .RootFS.Layers}}");
        inspect.ExitCode.ShouldBe(0, inspect.StandardError);
        return inspect.StandardOutput.Trim();
    }

    /// <summary>verify.json's dependencyFreshPercent (the one repository's).</summary>
    private static double FreshShare(System.Text.Json.JsonElement element)
    {
        var match = System.Text.RegularExpressions.Regex.Match(element.GetRawText(), "\"dependencyFreshPercent\":\\s*([0-9.]+)");
        return match.Success
            ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("verify.json has no dependencyFreshPercent");
    }
}
