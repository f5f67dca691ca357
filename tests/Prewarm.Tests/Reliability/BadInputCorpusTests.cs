using System.Text.Json;
using Prewarm.Cake;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;

namespace Prewarm.Tests.Reliability;

/// <summary>
/// Every case of tests/corpus/bad-inputs, run through the Scan task: one error line naming the file
/// (and the position where one makes sense), a non-zero exit, and no artifact written.
/// </summary>
[TestFixture]
public sealed class BadInputCorpusTests
{
    private static readonly string Corpus = Path.Combine(RepositoryLayout.Root, "tests", "corpus", "bad-inputs");

    public static IEnumerable<string> Cases() =>
        Directory.EnumerateDirectories(Corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> PositionedCases() =>
        Cases().Where(c => Expectation(c).Position is not null);

    [Test]
    public void The_corpus_has_at_least_thirty_cases() => Cases().Count().ShouldBeGreaterThanOrEqualTo(30);

    [TestCaseSource(nameof(Cases))]
    public void Is_refused_with_one_line_naming_the_file(string name)
    {
        var (file, _, why) = Expectation(name);
        var (exitCode, line, artifacts) = RunCase(name);

        exitCode.ShouldNotBe(0);
        line.ShouldContain(file, customMessage: why);
        artifacts.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(PositionedCases))]
    public void Points_at_the_line_and_column(string name)
    {
        var (file, position, _) = Expectation(name);
        var (_, line, _) = RunCase(name);

        line.ShouldContain($"{file}:{position}", customMessage: line);
    }

    /// <summary>Cargo is the oracle: it refuses the case too, and for the stated reason (expect.json's
    /// <c>cargo</c>: part of cargo's message), so the scanner is never stricter than cargo.</summary>
    [TestCaseSource(nameof(Cases))]
    [Category("Slow")] // starts cargo or git
    public async Task Cargo_refuses_it_for_the_same_reason(string name)
    {
        using var work = new TemporaryDirectory("prewarm-bad-cargo-");
        var repository = Path.Combine(work.Path, name);
        DotNet.CopyTree(Path.Combine(Corpus, name), repository);
        File.Delete(Path.Combine(repository, "expect.json"));
        Directory.CreateDirectory(Path.Combine(repository, ".cargo"));
        File.WriteAllText(Path.Combine(repository, ".cargo", "config.toml"), CargoFixture.OfflineConfig + "\n");

        var result = await CargoProcess.RunAsync(repository, ["metadata", "--format-version", "1", "--offline"], check: false);

        result.ExitCode.ShouldNotBe(0, "cargo accepted it");
        result.StandardError.ShouldContain(Cargo(name), Case.Sensitive, "cargo refuses it for another reason");
    }

    private static (string File, string? Position, string Why) Expectation(string name)
    {
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, name, "expect.json")));
        var root = expect.RootElement;
        return (root.GetProperty("file").GetString()!, root.GetProperty("position").GetString(), root.GetProperty("why").GetString()!);
    }

    private static string Cargo(string name)
    {
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, name, "expect.json")));
        return expect.RootElement.GetProperty("cargo").GetString()!;
    }

    private static (int ExitCode, string ErrorLine, string[] Artifacts) RunCase(string name)
    {
        using var work = new TemporaryDirectory("prewarm-bad-");
        var repository = Path.Combine(work.Path, name);
        DotNet.CopyTree(Path.Combine(Corpus, name), repository);
        File.Delete(Path.Combine(repository, "expect.json"));
        var (exitCode, error, artifacts) = RunScan(work.Path, repository);
        var line = error.Split('\n').SingleOrDefault(l => l.StartsWith("Error: ", StringComparison.Ordinal)) ?? string.Empty;
        return (exitCode, line, artifacts);
    }

    [Test]
    public void A_manifest_with_invalid_utf8_is_refused()
    {
        using var work = new TemporaryDirectory("prewarm-bad-");
        var repository = Directory.CreateDirectory(Path.Combine(work.Path, "latin1")).FullName;
        File.WriteAllBytes(Path.Combine(repository, "Cargo.toml"), [.. "[package]\nname = \"caf"u8, 0xE9, .. "\"\nversion = \"0.1.0\"\n"u8]);

        var (exitCode, error, artifacts) = RunScan(work.Path, repository);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Cargo.toml");
        error.ShouldContain("UTF-8");
        artifacts.ShouldBeEmpty();
    }

    [Test]
    public void A_deeply_nested_manifest_is_refused_without_crashing()
    {
        using var work = new TemporaryDirectory("prewarm-bad-");
        var repository = Directory.CreateDirectory(Path.Combine(work.Path, "deep")).FullName;
        const int depth = 100_000;
        File.WriteAllText(
            Path.Combine(repository, "Cargo.toml"),
            "[package]\nname = \"deep\"\nversion = \"0.1.0\"\n\n[package.metadata]\nx = " + new string('[', depth) + new string(']', depth) + "\n");

        var (exitCode, error, artifacts) = RunScan(work.Path, repository);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Cargo.toml");
        artifacts.ShouldBeEmpty();
    }

    [Test]
    public void A_huge_manifest_is_refused()
    {
        using var work = new TemporaryDirectory("prewarm-bad-");
        var repository = Directory.CreateDirectory(Path.Combine(work.Path, "huge")).FullName;
        using (var writer = new StreamWriter(Path.Combine(repository, "Cargo.toml")))
        {
            writer.Write("[package]\nname = \"huge\"\nversion = \"0.1.0\"\n\n[package.metadata]\n");
            for (var i = 0; i < 1_200_000; i++)
            {
                writer.Write($"k{i} = \"padding padding\"\n");
            }
        }

        var (exitCode, error, artifacts) = RunScan(work.Path, repository);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Cargo.toml");
        artifacts.ShouldBeEmpty();
    }

    private static (int ExitCode, string Error, string[] Artifacts) RunScan(string work, string repository)
    {
        var artifacts = Path.Combine(work, "artifacts");
        var host = new TestHost();
        host.Host.UsePrewarm();
        var exitCode = host.Run("--target=Scan", $"--repo={repository}", $"--artifacts={artifacts}");
        var files = Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*", SearchOption.AllDirectories) : [];
        return (exitCode, host.Console.Error, files);
    }
}
