using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Recipes;

/// <summary>A [patch] path package whose code includes a binary file (rustls and tauri patch crates.io
/// with members holding test data): the skeleton carries the file byte for byte, so cargo builds it.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class PatchedBinaryTests
{
    private static readonly byte[] Table = [0xFF, 0xFE, 0x00, 0x81, 0x7F];

    [Test]
    public async Task The_skeleton_carries_a_patched_packages_binary_file_and_cargo_builds_it()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n\n[patch.crates-io]\nitoa = { path = \"vendor/itoa\" }\n")
            .Write("src/lib.rs", "pub fn size() -> usize { itoa::TABLE.len() }\n")
            .Write("vendor/itoa/Cargo.toml", "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\nedition = \"2021\"\n")
            .Write("vendor/itoa/src/lib.rs", "pub static TABLE: &[u8] = include_bytes!(\"../data/table.bin\");\n");
        Directory.CreateDirectory(Path.Combine(fixture.Root, "vendor", "itoa", "data"));
        File.WriteAllBytes(Path.Combine(fixture.Root, "vendor", "itoa", "data", "table.bin"), Table);
        await CargoMetadata.RunAsync(fixture.Root, "generate-lockfile", "--offline");

        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(fixture.Root));
        var json = RecipeJson.Serialize(recipe);
        var files = SkeletonFiles.MaterializeBytes(RecipeJson.Deserialize(json, "recipe.json"));

        json.ShouldContain("\"base64\": \"//4AgX8=\"");
        files["vendor/itoa/data/table.bin"].ShouldBe(Table);
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");
        GeneratedRepository.Write(skeleton.Path, files);

        await CargoMetadata.RunAsync(skeleton.Path, "build", "--offline", "--locked", "--target-dir", Path.Combine(skeleton.Path, "target"));
        recipe.PatchedDirectories().ShouldBe(["vendor/itoa"]);
    }
}
