using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Reliability.RandomWorkspaces;
using Prewarm.Tests.Support;
using Shouldly;

namespace Prewarm.Tests.Reliability;

/// <summary>Property test over generated repositories (see <see cref="WorkspaceGenerator"/>): the scan
/// equals <c>cargo metadata --no-deps</c> package by package, and cargo resolves the skeleton to the
/// same dependency graph (packages, enabled features, edges with kinds and platforms) as the
/// original. <c>PREWARM_RANDOM_WORKSPACES=N</c> runs N seeds; <c>PREWARM_RANDOM_SEED=S</c> reruns one.</summary>
[TestFixture]
public sealed class RandomWorkspaceTests
{
    public static IEnumerable<int> Seeds()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("PREWARM_RANDOM_SEED"), CultureInfo.InvariantCulture, out var single))
        {
            return [single];
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("PREWARM_RANDOM_WORKSPACES"), CultureInfo.InvariantCulture, out var n) ? n : 30;
        return Enumerable.Range(1, count);
    }

    [TestCaseSource(nameof(Seeds))]
    [Category("Slow")] // starts cargo or git
    public async Task Scan_equals_cargo_metadata_and_the_skeleton_resolves_the_same_graph(int seed)
    {
        using var work = new TemporaryDirectory("prewarm-random-");
        var root = Path.Combine(work.Path, "repo");
        var generated = await GeneratedRepository.CreateAsync(seed, root);
        var (roots, context) = (generated.Roots, generated.Description);

        var repository = RepositoryScanner.Scan(root, "repo");

        var compared = await OracleComparison.AssertMatchesCargoAsync(repository);
        compared.ShouldBe(repository.Packages.Count, context);
        foreach (var rootManifest in roots)
        {
            (await WorkspaceMembersAsync(root, rootManifest)).ShouldBe(ScannedMembers(repository, rootManifest), context);
        }

        var skeleton = Path.Combine(work.Path, "skeleton");
        GeneratedRepository.Write(skeleton, SkeletonFiles.Materialize(SkeletonBuilder.Build(repository)));
        foreach (var rootManifest in roots)
        {
            var original = await ResolvedGraph.ReadAsync(root, rootManifest);
            var cooked = await ResolvedGraph.ReadAsync(skeleton, rootManifest);
            cooked.ShouldBe(original, $"the skeleton of {rootManifest} resolves differently\n{context}");
        }
    }

    [Test]
    public void The_generator_covers_what_it_claims()
    {
        // Guards the property test against a generator that quietly stops producing hard cases.
        var manifests = string.Join("\n", Enumerable.Range(1, 30).SelectMany(s => WorkspaceGenerator.Generate(s)).Where(f => f.Key.EndsWith("Cargo.toml", StringComparison.Ordinal)).Select(f => f.Value));
        foreach (var expected in new[] { "[workspace.dependencies]", ".workspace = true", "workspace = true", "package = ", "optional = true", "dep:", "?/", "[target.", "dev-dependencies", "build-dependencies", "crates/*", "exclude = ", "proc-macro = true", "required-features", "autobins = false", "build = false", "harness = false", "default-features = false", "path = ", "[patch.crates-io]", "cargo-fuzz = true", "2.0.0-beta.1", "edition = " })
        {
            manifests.ShouldContain(expected, Case.Sensitive, $"no generated manifest contains {expected}");
        }
    }

    private static async Task<List<string>> WorkspaceMembersAsync(string root, string rootManifest)
    {
        using var metadata = await CargoMetadata.ReadAsync(Path.Combine(root, rootManifest));
        var byId = metadata.RootElement.GetProperty("packages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => Path.GetRelativePath(root, p.GetProperty("manifest_path").GetString()!).Replace(Path.DirectorySeparatorChar, '/'));
        return metadata.RootElement.GetProperty("workspace_members").EnumerateArray().Select(m => byId[m.GetString()!]).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> ScannedMembers(CargoRepository repository, string rootManifest)
    {
        if (repository.Workspaces.SingleOrDefault(w => w.RootManifestPath == rootManifest) is { } workspace)
        {
            var members = workspace.Members.ToList();
            var rootPackage = repository.Packages.SingleOrDefault(p => p.ManifestPath == rootManifest);
            if (rootPackage is not null && !members.Contains(rootManifest))
            {
                members.Add(rootManifest);
            }

            return members.Order(StringComparer.Ordinal).ToList();
        }

        return [rootManifest];
    }
}
