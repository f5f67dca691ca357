using Prewarm.Core;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.Docker;
using Prewarm.Core.IO;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Core.Warmup;
using Prewarm.Tests.Recipes.Support;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Artifacts;

/// <summary>Each stage reads what the one before wrote: Recipe reads scan.json (refused when stale),
/// the Dockerfile reads the recipe manifest, and the tier names travel from --tiers to the layers.</summary>
[TestFixture]
public sealed class StageManifestTests
{
    private TemporaryTree _tree = null!;
    private ArtifactsLayout _layout = null!;

    [SetUp]
    public void SetUp()
    {
        _tree = new TemporaryTree();
        _layout = new ArtifactsLayout(_tree["artifacts"]);
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private string WriteScan(params string[] roots)
    {
        var repositories = RepositoryScanner.ScanAll(roots);
        AtomicFile.WriteAll(ScanArtifacts.Render(repositories, []).Select(f => KeyValuePair.Create(Path.Combine(_layout.Root, f.Key), f.Value)));
        return _layout.ScanDocument;
    }

    /// <summary>Makes scan.json differ from the text this process rendered (JSON allows trailing
    /// whitespace), so it is read as a file another process wrote.</summary>
    [Test]
    public void A_recipe_from_scan_json_equals_one_from_a_fresh_scan()
    {
        var roots = new List<string> { _tree.CopyFixture("tests/examples/shop", "shop") };
        foreach (var seed in new[] { 1, 2, 3, 4, 5, 6, 7, 8 })
        {
            var root = _tree[$"generated-{seed}"];
            GeneratedRepository.Write(root, WorkspaceGenerator.Generate(seed));
            roots.Add(root);
        }

        var fresh = RepositoryScanner.ScanAll(roots);
        var loaded = ScanReader.Load(WriteScan([.. roots]), roots, []);

        loaded.Count.ShouldBe(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            loaded[i].RootPath.ShouldBe(fresh[i].RootPath);
            RecipeJson.Serialize(SkeletonBuilder.Build(loaded[i])).ShouldBe(RecipeJson.Serialize(SkeletonBuilder.Build(fresh[i])), fresh[i].Id);
            WarmupFiles.Render(WarmupPlanner.Plan(WarmupDemand.From([loaded[i]]), WarmupCatalog.Default))
                .ShouldBe(WarmupFiles.Render(WarmupPlanner.Plan(WarmupDemand.From([fresh[i]]), WarmupCatalog.Default)), fresh[i].Id);
        }
    }

    [Test]
    public void A_changed_manifest_or_lockfile_makes_scan_json_stale_naming_the_file_and_the_task()
    {
        var shop = _tree.CopyFixture("tests/examples/shop", "shop");
        var scan = WriteScan(shop);

        File.AppendAllText(Path.Combine(shop, "Cargo.lock"), "\n");
        var error = Should.Throw<PrewarmException>(() => ScanReader.Load(scan, [shop], []));
        error.Message.ShouldBe($"{scan}: stale ({shop}/Cargo.lock changed since the scan); the Scan task writes it again (run --target=Scan, or drop --exclusive)");

        WriteScan(shop);
        Should.Throw<PrewarmException>(() => ScanReader.Load(scan, [shop], ["crates"])).Message.ShouldContain("--exclude");
        Should.Throw<PrewarmException>(() => ScanReader.Load(scan, [shop, _tree.CopyFixture("tests/examples/shop", "other")], []))
            .Message.ShouldContain("this run works on [shop, other]");
    }

    [Test]
    public void A_manifest_edited_after_the_scan_makes_scan_json_stale()
    {
        var shop = _tree.CopyFixture("tests/examples/shop", "shop");
        var scan = WriteScan(shop);
        var manifest = Path.Combine(shop, "Cargo.toml");
        File.AppendAllText(manifest, "\n# edited after the scan\n");

        Should.Throw<PrewarmException>(() => ScanReader.Load(scan, [shop], [])).Message
            .ShouldBe($"{scan}: stale ({manifest} changed since the scan); the Scan task writes it again (run --target=Scan, or drop --exclusive)");
    }

    [Test]
    public void Line_endings_do_not_make_scan_json_stale()
    {
        var shop = _tree.CopyFixture("tests/examples/shop", "shop");
        var scan = WriteScan(shop);
        var manifest = Path.Combine(shop, "Cargo.toml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\n", "\r\n"));

        ScanReader.Load(scan, [shop], []).Single().Manifests.ShouldContain(m => m.Path == "Cargo.toml" && m.Text.Contains("\r\n"));
    }

    [Test]
    public void A_missing_artifact_names_the_task_that_writes_it()
    {
        Should.Throw<PrewarmException>(() => RecipeStageManifest.Read(_layout.RecipeManifest("shop")))
            .Message.ShouldBe($"{_layout.RecipeManifest("shop")}: not found; the Recipe task writes it (run --target=Recipe, or drop --exclusive)");
        Directory.CreateDirectory(_layout.WarmupRoot);
        Should.Throw<PrewarmException>(() => WarmupTierList.Read(_layout.WarmupRoot))
            .Message.ShouldBe($"{_layout.WarmupTierList}: not found; the Recipe task writes it (run --target=Recipe, or drop --exclusive)");
    }

    [Test]
    public void Custom_tier_names_travel_from_the_catalog_through_tiers_json_to_the_dockerfile()
    {
        var shop = _tree.CopyFixture("tests/examples/shop", "shop");
        var repository = ScanReader.Load(WriteScan(shop), [shop], []).Single();
        var catalog = WarmupCatalog.Parse("{\"tiers\": {\"base\": [\"serde\", \"anyhow\"], \"net\": [\"tokio\"]}}", "tiers.json");
        var crates = WarmupPlanner.Plan(WarmupDemand.From([repository]), catalog);
        var tiers = crates.Select(c => c.Tier).ToList();
        var files = WarmupFiles.Render(crates);
        files[ArtifactsLayout.TierListFile] = WarmupTierList.Render(crates);
        DirectoryTree.Replace(_layout.WarmupRoot, files);
        var environment = new BuildEnvironment { Toolchain = "rustc 1.95.0", Profile = "release", RecipeSha256 = "" };
        RecipeArtifacts.Write(_layout.Root, repository, SkeletonBuilder.Build(repository), environment);

        var manifest = RecipeStageManifest.Read(_layout.RecipeManifest("shop"));
        manifest.Build.Profile.ShouldBe("release");
        File.ReadAllText(_layout.RecipeManifest("shop")).ShouldNotContain("tiers", customMessage: "tiers.json is the only tier record");
        manifest.SkeletonLockfile.ShouldBeTrue();
        manifest.CargoConfig.ShouldBeTrue();
        manifest.RecipeSha256.ShouldBe(BuildEnvironment.FromJson(File.ReadAllText(_layout.BuildEnvironment("shop")), "build-env.json").RecipeSha256);
        WarmupTierList.Read(_layout.WarmupRoot).ShouldBe(["base", "net"]);
        // What tiers.json records each tier selects is what its rendered manifest depends on.
        var selection = WarmupTierList.ReadSelection(_layout.WarmupRoot);
        selection.Keys.ShouldBe(["base", "net"]);
        foreach (var (tier, selected) in selection)
        {
            selected.ShouldBe(WarmupManifestReader.SelectedCrates(files[$"{tier}/Cargo.toml"], $"{tier}/Cargo.toml"));
        }

        selection["net"].ShouldContain("tokio");

        var dockerfile = new DockerfileRenderer(DockerTemplates.Embedded).Render(new DockerfileOptions
        {
            RepositoryId = "shop",
            Tiers = WarmupTierList.Read(_layout.WarmupRoot),
            Build = manifest.Build,
        });
        dockerfile.ShouldContain("warmup/base");
        dockerfile.ShouldContain("warmup/net");
        dockerfile.ShouldNotContain("warmup/core");
    }
}
