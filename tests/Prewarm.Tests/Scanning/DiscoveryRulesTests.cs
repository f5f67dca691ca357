using CliWrap;
using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Scanning;

/// <summary>What discovery leaves out: git-ignored directories, vendored sources, target/.</summary>
[TestFixture]
public sealed class DiscoveryRulesTests
{
    [Test]
    [Category("Slow")] // starts cargo or git
    public async Task Git_ignored_vendored_and_target_directories_are_not_scanned()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write(".cargo/config.toml", CargoFixture.OfflineConfig + "\n\n[source.vendored-sources]\ndirectory = \"third_party/vendor\"\n")
            .Write(".gitignore", "scratch/\n")
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
            .Write("src/lib.rs", "")
            .Write("scratch/Cargo.toml", "[package]\nname = \"scratch\"\nversion = \"0.1.0\"\n")
            .Write("third_party/vendor/serde/Cargo.toml", "[package]\nname = \"serde\"\nversion = \"1.0.0\"\n")
            .Write("target/package/app-0.1.0/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n")
            .Write("tools/lint/Cargo.toml", "[package]\nname = \"lint\"\nversion = \"0.1.0\"\n")
            .Write("tools/lint/src/main.rs", "fn main() {}");
        await Cli.Wrap("git").WithArguments("init -q").WithWorkingDirectory(fixture.Root).ExecuteAsync();

        var repository = RepositoryScanner.Scan(fixture.Root);

        repository.Manifests.Select(m => m.Path).ShouldBe(["Cargo.toml", "tools/lint/Cargo.toml"]);
        repository.Packages.Select(p => p.Name).ShouldBe(["app", "lint"]);
        ManifestDiscovery.FindManifests(fixture.Root).ShouldBe(["Cargo.toml", "tools/lint/Cargo.toml"]);
    }

    [Test]
    public void A_directory_symlink_that_is_not_a_loop_is_followed()
    {
        using var fixture = new CargoFixture();
        fixture.Write("real/Cargo.toml", "[package]\nname = \"real\"\nversion = \"0.1.0\"\n").Write("real/src/lib.rs", "");
        Directory.CreateSymbolicLink(Path.Combine(fixture.Root, "alias"), "real");

        ManifestDiscovery.FindManifests(fixture.Root).ShouldBe(["alias/Cargo.toml", "real/Cargo.toml"]);
    }
}
