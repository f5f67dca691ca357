using NUnit.Framework;
using Prewarm.Cake;
using Prewarm.Tests.Support;
using Shouldly;

namespace Prewarm.Tests.Reliability;

/// <summary>
/// Scan and Recipe artifacts are byte-identical across repeated runs, working directories,
/// repository locations and line endings.
/// </summary>
[TestFixture]
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
