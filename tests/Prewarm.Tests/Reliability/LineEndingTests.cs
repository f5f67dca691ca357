using System.Text;
using Prewarm.Cake;

namespace Prewarm.Tests.Reliability;

/// <summary>A repository checked out with CRLF line endings (git's autocrlf on Windows) is the same
/// repository: Scan must write byte-identical artifacts for it.</summary>
[TestFixture]
public sealed class LineEndingTests
{
    private static readonly string Shop = Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop");

    private static readonly string[] Artifacts = ["scan.json", "dependency-frequency.txt", "dependency-frequency.json", "dependency-frequency.md"];

    [Test]
    public void A_crlf_checkout_scans_byte_identical_to_the_lf_one()
    {
        using var work = new TemporaryDirectory("prewarm-crlf-");
        var lf = Copy(work.Path, "lf");
        var crlf = Copy(work.Path, "crlf");
        var converted = 0;
        foreach (var file in Directory.EnumerateFiles(crlf, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(f) is "Cargo.toml" or "Cargo.lock" or "config.toml"))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n"), new UTF8Encoding(false));
            converted++;
        }

        converted.ShouldBeGreaterThan(3);
        File.ReadAllText(Path.Combine(crlf, "shop", "Cargo.toml")).ShouldContain("\r\n");

        var lfArtifacts = Scan(work.Path, lf, "lf-artifacts");
        var crlfArtifacts = Scan(work.Path, crlf, "crlf-artifacts");

        File.ReadAllText(Path.Combine(lfArtifacts, "scan.json")).ShouldContain("A shop,\\nin two lines.");
        foreach (var file in Artifacts)
        {
            // Compared as text first so a difference is readable, then as bytes.
            File.ReadAllText(Path.Combine(crlfArtifacts, file)).ShouldBe(File.ReadAllText(Path.Combine(lfArtifacts, file)), file);
            File.ReadAllBytes(Path.Combine(crlfArtifacts, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(lfArtifacts, file))).ShouldBeTrue(file);
        }
    }

    /// <summary>A copy of the shop example (same directory name, so the same repository id) whose
    /// shared package metadata has a multi-line string, the one place a line ending reaches a value.</summary>
    private static string Copy(string work, string name)
    {
        var repository = Path.Combine(work, name, "shop");
        DotNet.CopyTree(Shop, repository);
        var manifest = Path.Combine(repository, "Cargo.toml");
        var text = File.ReadAllText(manifest);
        text.ShouldContain("license = \"MIT\"\n");
        File.WriteAllText(manifest, text.Replace("license = \"MIT\"\n", "license = \"MIT\"\ndescription = \"\"\"\nA shop,\nin two lines.\"\"\"\n"), new UTF8Encoding(false));
        return Path.Combine(work, name);
    }

    private static string Scan(string work, string parent, string artifacts)
    {
        var output = Path.Combine(work, artifacts);
        var host = new TestHost();
        host.Host.UsePrewarm();
        host.Run("--target=Scan", "--exclusive", $"--repo={Path.Combine(parent, "shop")}", $"--artifacts={output}").ShouldBe(0, host.Output);
        return output;
    }
}
