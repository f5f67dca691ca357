using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Recipes;

/// <summary>The configuration the skeleton carries is the one cargo and rustup read: the old spelling
/// when both exist, and every directory's own files for the roots below the repository root.
/// Each case has a configuration that breaks resolution (a source that does not exist) or picks
/// another toolchain where Prewarm would read the wrong file, so real cargo and rustup are the check.</summary>
[TestFixture]
[Category("Slow")] // starts cargo or rustup
public sealed class ConfigFileTests
{
    private const string BrokenSource = "[source.crates-io]\nreplace-with = \"nowhere\"\n\n[source.nowhere]\ndirectory = \"/nonexistent/prewarm-registry\"\n";

    [Test]
    public async Task With_both_spellings_the_skeleton_carries_cargo_config_as_cargo_does()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write(".cargo/config", CargoFixture.OfflineConfig + "\n")
            .Write(".cargo/config.toml", BrokenSource)
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n")
            .Write("src/lib.rs", "");
        var generated = await CargoProcess.RunAsync(fixture.Root, ["generate-lockfile", "--offline"]);
        generated.StandardError.ShouldContain("Using `" + Path.Combine(fixture.Root, ".cargo", "config") + "`");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.ConfigFile.ShouldBe(CargoFixture.OfflineConfig + "\n");
        await ResolvedGraph.ShouldResolveAlikeAsync(skeleton.Path, fixture.Root);
    }

    [Test]
    public async Task With_both_toolchain_files_the_skeleton_pins_the_toolchain_rustup_picks()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write("rust-toolchain", "stable\n")
            .Write("rust-toolchain.toml", "[toolchain]\nchannel = \"1.60.0\"\n")
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("src/lib.rs", "");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.RustToolchainFile.ShouldBe(new RustToolchainFile(false, "stable\n"));
        var original = await ActiveToolchainAsync(fixture.Root);
        original.ShouldStartWith("stable-");
        original.ShouldEndWith(" (overridden by '<dir>/rust-toolchain')");
        (await ActiveToolchainAsync(skeleton.Path)).ShouldBe(original);
    }

    [Test]
    public async Task A_nested_root_keeps_its_own_cargo_config_and_toolchain_in_the_skeleton()
    {
        // tools/ is a workspace of its own: cargo run there reads tools/.cargo/config.toml (here the
        // only one naming the offline registry) above the root's, rustup the nearest toolchain file.
        using var fixture = new CargoFixture();
        fixture
            .Write(".cargo/config.toml", "[net]\noffline = true\n")
            .Write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nexclude = [\"tools\"]\nresolver = \"2\"\n")
            .Write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("app/src/lib.rs", "")
            .Write("tools/.cargo/config.toml", CargoFixture.OfflineConfig + "\n[env]\nNESTED = \"1\"\n")
            .Write("tools/rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n")
            .Write("tools/Cargo.toml", "[workspace]\nmembers = [\"gen\"]\nresolver = \"2\"\n")
            .Write("tools/gen/Cargo.toml", "[package]\nname = \"gen\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n")
            .Write("tools/gen/src/main.rs", "fn main() {}\n");
        var tools = Path.Combine(fixture.Root, "tools");
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");
        await CargoMetadata.RunAsync(tools, "generate-lockfile", "--offline");
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.Materialize(recipe));

        recipe.NestedConfigFiles.Keys.ShouldBe(["tools/.cargo/config.toml", "tools/rust-toolchain.toml"]);
        RecipeJson.Deserialize(RecipeJson.Serialize(recipe), "recipe.json").NestedConfigFiles.ShouldBe(recipe.NestedConfigFiles);
        var skeletonTools = Path.Combine(skeleton.Path, "tools");
        await ResolvedGraph.ShouldResolveAlikeAsync(skeletonTools, tools);
        (await ActiveToolchainAsync(skeletonTools)).ShouldBe(await ActiveToolchainAsync(tools));
        (await ActiveToolchainAsync(tools)).ShouldEndWith("(overridden by '<dir>/rust-toolchain.toml')");
        await CargoMetadata.RunAsync(skeletonTools, "build", "--offline", "--locked");
    }

    /// <summary>What rustup runs in <paramref name="directory"/> and the file that chose it, relative (no
    /// RUSTUP_TOOLCHAIN from the test's environment). Only the stable toolchain need be installed.</summary>
    private static async Task<string> ActiveToolchainAsync(string directory)
    {
        var result = await Cli.Wrap("rustup")
            .WithArguments("show active-toolchain")
            .WithWorkingDirectory(directory)
            .WithEnvironmentVariables(e => e.Set("RUSTUP_TOOLCHAIN", null))
            .ExecuteBufferedAsync(Encoding.UTF8);
        return result.StandardOutput.Replace(directory, "<dir>", StringComparison.Ordinal).Trim();
    }
}
