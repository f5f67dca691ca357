using Prewarm.Core;
using Prewarm.Core.IO;
using Prewarm.Core.Scanning;

namespace Prewarm.Tests.Scanning;

[TestFixture]
public sealed class ScanDocumentTests
{
    [Test]
    public void Scan_json_reads_back_into_the_same_model()
    {
        var repository = RepositoryScanner.Scan(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"));
        var file = Path.Combine(Path.GetTempPath(), $"prewarm-scan-{Guid.NewGuid():N}.json");
        try
        {
            AtomicFile.WriteAllText(file, ScanJson.Serialize(new ScanDocument { Repositories = [repository] }));

            var read = ScanDocument.Read(file).Repositories.ShouldHaveSingleItem();

            read.Id.ShouldBe("shop");
            read.Packages.Select(p => p.Name).ShouldBe(repository.Packages.Select(p => p.Name));
            var server = read.Packages.Single(p => p.Name == "shop-server");
            server.Targets.ShouldHaveSingleItem().SrcPath.ShouldBe("apps/server/src/main.rs");
            server.Dependencies.Single(d => d.Name == "log").Target.ShouldBe("cfg(unix)");
            read.Workspaces.Single().Dependencies["serde"].Features.ShouldBe(["derive"]);
            var lockfile = read.Lockfiles.ShouldHaveSingleItem();
            lockfile.Version.ShouldBe(3);
            lockfile.TransitiveClosure(lockfile.FindAll("tokio").Single()).Count
                .ShouldBe(repository.Lockfiles.Single().TransitiveClosure(repository.Lockfiles.Single().FindAll("tokio").Single()).Count);
            ScanJson.Serialize(ScanDocument.Read(file)).ShouldBe(File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Scan_json_written_as_bytes_is_the_text_encoded_and_reads_back_as_another_process_would()
    {
        var repository = RepositoryScanner.Scan(Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop"));
        var files = ScanArtifacts.Encode([repository], Prewarm.Core.Warmup.WarmupOptions.Default, ["docs"]);
        var rendered = ScanArtifacts.Render([repository], Prewarm.Core.Warmup.WarmupOptions.Default, ["docs"]);

        files.Keys.ShouldBe(rendered.Keys);
        foreach (var (name, text) in rendered)
        {
            files[name].ToArray().ShouldBe(new System.Text.UTF8Encoding(false).GetBytes(text), name);
        }

        var document = new ScanDocument { Repositories = [repository], Exclude = ["docs"] };
        ScanJson.SerializeToUtf8(document).ToArray().ShouldBe(System.Text.Encoding.UTF8.GetBytes(ScanJson.Serialize(document)));

        // Read back, as a stage run --exclusive reads it: no root, no texts; with a byte order mark too.
        var file = Path.Combine(Path.GetTempPath(), $"prewarm-scan-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(file, files[ScanDocument.FileName].ToArray());
            ScanDocument.Read(file).Repositories.ShouldHaveSingleItem().RootPath.ShouldBe(string.Empty);
            File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. files[ScanDocument.FileName].ToArray()]);
            var read = ScanDocument.Read(file);
            read.Repositories.ShouldHaveSingleItem().RootPath.ShouldBe(string.Empty);
            read.Exclude.ShouldBe(["docs"]);
            ScanJson.Serialize(read).ShouldBe(rendered[ScanDocument.FileName]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_missing_scan_json_names_the_task_that_writes_it()
    {
        var error = Should.Throw<PrewarmException>(() => ScanDocument.Read("/nonexistent/scan.json"));

        error.Message.ShouldBe("/nonexistent/scan.json: not found; the Scan task writes it (run --target=Scan, or drop --exclusive)");
    }
}
