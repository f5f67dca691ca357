using Prewarm.Core.Cargo;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;
using Prewarm.Core.Toml;
using Prewarm.Tests.Cargo;

namespace Prewarm.Tests.Scanning;

/// <summary>The walk's listings answer the scan's existence checks as the file system would.</summary>
[TestFixture]
public sealed class ListedDirectoriesTests
{
    [Test]
    public void Listings_answer_as_File_and_Directory_Exists_do_links_and_unlisted_directories_included()
    {
        using var fixture = new CargoFixture();
        fixture.Write("pkg/Cargo.toml", "").Write("pkg/src/lib.rs", "").Write("pkg/tests/t.rs", "").Write("elsewhere/file.rs", "");
        var root = fixture.Root;
        File.CreateSymbolicLink(Path.Combine(root, "pkg", "build.rs"), "missing.rs");
        File.CreateSymbolicLink(Path.Combine(root, "pkg", "linked.rs"), "src/lib.rs");
        Directory.CreateSymbolicLink(Path.Combine(root, "pkg", "benches"), "tests");
        var listings = new ListedDirectories();
        foreach (var directory in new[] { root, Path.Combine(root, "pkg"), Path.Combine(root, "pkg", "src") })
        {
            listings.Add(directory, DirectoryListing.Listed(directory));
        }

        string[] probes =
        [
            "pkg/Cargo.toml", "pkg/build.rs", "pkg/linked.rs", "pkg/main.rs", "pkg/src", "pkg/src/lib.rs", "pkg/src/main.rs",
            "pkg/tests", "pkg/benches", "pkg/examples", "pkg/tests/t.rs", "pkg/tests/u.rs", "elsewhere/file.rs", "pkg/src/..", "pkg/SRC",
        ];
        foreach (var probe in probes)
        {
            var full = Path.Combine(root, probe);
            listings.FileExists(full).ShouldBe(File.Exists(full), probe);
            listings.DirectoryExists(full).ShouldBe(Directory.Exists(full), probe);
        }

        DirectoryListing.Listed(Path.Combine(root, "pkg")).Single(e => e.FullPath.EndsWith("benches", StringComparison.Ordinal)).IsLink.ShouldBeTrue();
        DirectoryListing.Listed(Path.Combine(root, "pkg")).Single(e => e.FullPath.EndsWith("tests", StringComparison.Ordinal)).IsLink.ShouldBeFalse();
    }

    [Test]
    public void Targets_found_through_the_listings_are_those_found_on_disk()
    {
        using var fixture = new CargoFixture();
        fixture
            .Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n")
            .Write("src/lib.rs", "").Write("src/main.rs", "").Write("build.rs", "")
            .Write("src/bin/tool.rs", "").Write("src/bin/multi/main.rs", "").Write("src/bin/notes.txt", "").Write("src/bin/empty/readme", "")
            .Write("tests/a.rs", "").Write("examples/demo.rs", "").Write("benches/dir.rs/main.rs", "");
        File.CreateSymbolicLink(Path.Combine(fixture.Root, "tests", "dangling.rs"), "gone.rs");
        var document = TomlText.Parse(File.ReadAllText(Path.Combine(fixture.Root, "Cargo.toml")), "Cargo.toml");
        var discovered = ManifestDiscovery.FindManifests(fixture.Root, new IgnoreRules(fixture.Root, CargoConfig.Read(fixture.Root)));

        var listed = TargetDiscovery.Resolve(fixture.Root, "Cargo.toml", document, "app", "2021", discovered.Listings);
        var onDisk = TargetDiscovery.Resolve(fixture.Root, "Cargo.toml", document, "app", "2021");

        static string Describe(CargoTarget t) => $"{t.Name} {string.Join(",", t.Kinds)} {t.SrcPath}";
        listed.Targets.Select(Describe).ShouldBe(onDisk.Targets.Select(Describe));
        listed.BuildScript.ShouldBe(onDisk.BuildScript);
        // File.Exists counts a dangling link as a file, so cargo's inference here does too.
        listed.Targets.Select(t => t.SrcPath).ShouldBe(
            ["src/lib.rs", "src/main.rs", "src/bin/multi/main.rs", "src/bin/tool.rs", "examples/demo.rs", "tests/a.rs", "tests/dangling.rs", "benches/dir.rs/main.rs", "build.rs"]);
    }
}
