using Prewarm.Cake;
using Prewarm.Core.IO;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Reliability;

/// <summary>
/// Scan and Recipe artifacts are byte-identical across repeated runs, working directories,
/// repository locations, line endings and the order in which the file system lists directories.
/// </summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class DeterminismTests
{
    private static readonly string Shop = Path.Combine(RepositoryLayout.Root, "tests", "examples", "shop");

    [Test]
    public void Ten_runs_in_different_places_and_with_crlf_manifests_give_identical_artifacts()
    {
        using var work = new TemporaryDirectory("prewarm-determinism-");
        var reference = Run(Shop, Path.Combine(work.Path, "reference"), RepositoryLayout.Root);

        for (var run = 0; run < 10; run++)
        {
            var copy = Path.Combine(work.Path, $"copy-{run}", run % 2 == 0 ? "shop" : "elsewhere", "shop");
            DotNet.CopyTree(Shop, copy);
            if (run % 3 == 1)
            {
                foreach (var manifest in Directory.GetFiles(copy, "Cargo.toml", SearchOption.AllDirectories))
                {
                    File.WriteAllText(manifest, File.ReadAllText(manifest).ReplaceLineEndings("\r\n"));
                }
            }

            var workingDirectory = Directory.CreateDirectory(Path.Combine(work.Path, $"cwd-{run}")).FullName;
            var artifacts = Run(copy, Path.Combine(work.Path, $"artifacts-{run}"), workingDirectory);

            artifacts.Keys.ShouldBe(reference.Keys, $"run {run}");
            foreach (var (file, bytes) in reference)
            {
                artifacts[file].ShouldBe(bytes, $"run {run}: {file}");
            }
        }
    }

    [TestCase(0, TestName = "Shuffled directory listings give identical artifacts (shop example)")]
    [TestCase(3, TestName = "Shuffled directory listings give identical artifacts (generated workspace 3)")]
    [TestCase(8, TestName = "Shuffled directory listings give identical artifacts (generated workspace 8)")]
    [TestCase(21, TestName = "Shuffled directory listings give identical artifacts (generated workspace 21)")]
    public async Task Shuffled_directory_listings_give_identical_artifacts(int generatedSeed)
    {
        using var work = new TemporaryDirectory("prewarm-shuffle-");
        var repository = Shop;
        if (generatedSeed != 0)
        {
            repository = Path.Combine(work.Path, "generated");
            await GeneratedRepository.CreateAsync(generatedSeed, repository);
        }

        var reference = Run(repository, Path.Combine(work.Path, "reference"), RepositoryLayout.Root);
        Func<IReadOnlyList<string>, IReadOnlyList<string>>[] orders =
        [
            entries => entries.Reverse().ToList(),
            entries => entries.Order(StringComparer.Ordinal).ToList(),
            .. Enumerable.Range(1, 4).Select(Shuffle),
        ];

        for (var order = 0; order < orders.Length; order++)
        {
            var listings = 0;
            SortedDictionary<string, byte[]> artifacts;
            using (DirectoryListing.Reordered(entries =>
            {
                Interlocked.Increment(ref listings);
                return orders[order](entries);
            }))
            {
                artifacts = Run(repository, Path.Combine(work.Path, $"artifacts-{order}"), RepositoryLayout.Root);
            }

            listings.ShouldBeGreaterThan(5, "the scan did not list directories through DirectoryListing");
            artifacts.Keys.ShouldBe(reference.Keys, $"order {order}");
            foreach (var (file, bytes) in reference)
            {
                artifacts[file].ShouldBe(bytes, $"order {order}: {file}");
            }
        }
    }

    private static Func<IReadOnlyList<string>, IReadOnlyList<string>> Shuffle(int seed)
    {
        var random = new Random(seed);
        return entries => entries.OrderBy(_ => random.Next()).ToList();
    }

    private static SortedDictionary<string, byte[]> Run(string repository, string artifacts, string workingDirectory)
    {
        var host = new TestHost();
        host.Host.UsePrewarm();
        host.Run("--target=Recipe", $"--repo={repository}", $"--artifacts={artifacts}", $"--working={workingDirectory}").ShouldBe(0, host.Output);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(artifacts, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(artifacts, file).Replace(Path.DirectorySeparatorChar, '/');
            files[relative] = File.ReadAllBytes(file);
        }

        return files;
    }
}
