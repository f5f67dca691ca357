using Prewarm.Core.Cargo;
using Prewarm.Core.Scanning;
using Tomlyn.Model;

namespace Prewarm.Tests.Cargo;

[TestFixture]
public sealed class ManifestDocumentsTests
{
    private static readonly CargoManifest App = new() { Path = "Cargo.toml", Text = "[package]\r\nname = \"app\"\r\nversion = \"0.1.0\"\r\n", HasPackage = true };

    [Test]
    public void The_scans_table_is_given_once_then_each_call_parses_the_text_anew()
    {
        var scanned = new TomlTable();
        var documents = new ManifestDocuments([KeyValuePair.Create(App.Path, scanned)]);

        documents.ToEdit(App).ShouldBeSameAs(scanned);
        var second = documents.ToEdit(App);
        second.ShouldNotBeSameAs(scanned);
        documents.ToEdit(App).ShouldNotBeSameAs(second);
        ((TomlTable)second["package"])["name"].ShouldBe("app");
    }

    [Test]
    public void A_scanned_repository_hands_on_its_manifests_tables_and_a_repository_built_otherwise_has_none()
    {
        using var fixture = new CargoFixture();
        fixture.Write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n").Write("src/lib.rs", "");
        var repository = RepositoryScanner.Scan(fixture.Root);

        var scanned = repository.Documents.ToEdit(repository.Manifests.Single());
        ((TomlTable)scanned["package"])["edition"].ShouldBe("2021");
        new CargoRepository { Id = repository.Id, Manifests = repository.Manifests }.Documents.ToEdit(repository.Manifests.Single()).ShouldNotBeSameAs(scanned);
    }
}
