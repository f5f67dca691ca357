using System.Globalization;
using System.Text.Json;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Cargo;
using Prewarm.Tests.Recipes.Support;
using Prewarm.Tests.Reliability.RandomWorkspaces;

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

        var compared = await OracleComparison.AssertMatchesCargoAsync(repository, fullResolution: false);
        compared.ShouldBe(repository.Packages.Count(p => p.InheritsFrom is null), context);
        foreach (var rootManifest in roots)
        {
            (await WorkspaceMembersAsync(root, rootManifest)).ShouldBe(ScannedMembers(repository, rootManifest), context);
        }

        var skeleton = Path.Combine(work.Path, "skeleton");
        GeneratedRepository.Write(skeleton, SkeletonFiles.Materialize(SkeletonBuilder.Build(repository)));
        foreach (var rootManifest in roots)
        {
            // In the root's own directory, as cargo is run there: it reads that directory's configuration.
            var directory = Path.GetDirectoryName(rootManifest) ?? "";
            var original = await ResolvedGraph.ReadAsync(Path.Combine(root, directory), "Cargo.toml");
            var cooked = await ResolvedGraph.ReadAsync(Path.Combine(skeleton, directory), "Cargo.toml");
            cooked.ShouldBe(original, $"the skeleton of {rootManifest} resolves differently\n{context}");
            (await TargetFlagsAsync(skeleton, rootManifest)).ShouldBe(await TargetFlagsAsync(root, rootManifest), $"target flags of {rootManifest}\n{context}");
            (await CargoConfigAsync(Path.Combine(skeleton, directory))).ShouldBe(await CargoConfigAsync(Path.Combine(root, directory)), $"cargo's configuration in {directory}\n{context}");
            (await ActiveToolchainAsync(skeleton, directory)).ShouldBe(await ActiveToolchainAsync(root, directory), $"the toolchain in {directory}\n{context}");
        }
    }

    /// <summary>Every target's kinds and flags, as cargo reads them.</summary>
    private static async Task<List<string>> TargetFlagsAsync(string root, string rootManifest)
    {
        using var metadata = await CargoMetadata.ReadAsync(Path.Combine(root, rootManifest));
        return metadata.RootElement.GetProperty("packages").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t =>
                $"{p.GetProperty("name")} {string.Join(",", t.GetProperty("kind").EnumerateArray())} {t.GetProperty("name")} test={t.GetProperty("test")} doctest={t.GetProperty("doctest")} doc={t.GetProperty("doc")} required=[{(t.TryGetProperty("required-features", out var r) ? string.Join(",", r.EnumerateArray()) : "")}]"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The configuration cargo merges in <paramref name="directory"/> (`cargo config get` is
    /// unstable: RUSTC_BOOTSTRAP lets the stable cargo run it).</summary>
    private static async Task<string> CargoConfigAsync(string directory) =>
        (await CargoProcess.RunAsync(directory, ["-Zunstable-options", "config", "get"], environment: new Dictionary<string, string?> { ["RUSTUP_TOOLCHAIN"] = null, ["RUSTC_BOOTSTRAP"] = "1" })).StandardOutput;

    /// <summary>rustup's toolchain in <paramref name="directory"/> and the file that chose it, relative to
    /// <paramref name="repository"/> (the file may lie in a directory above).</summary>
    private static async Task<string> ActiveToolchainAsync(string repository, string directory)
    {
        var result = await CargoProcess.RunAsync(Path.Combine(repository, directory), ["show", "active-toolchain"], program: "rustup", environment: new Dictionary<string, string?> { ["RUSTUP_TOOLCHAIN"] = null });
        return result.StandardOutput.Trim().Replace(repository + "/", "<repository>/", StringComparison.Ordinal);
    }

    [Test]
    public void The_generator_covers_what_it_claims()
    {
        // Guards the property test against a generator that quietly stops producing hard cases.
        var manifests = string.Join("\n", Enumerable.Range(1, 30).SelectMany(s => WorkspaceGenerator.Generate(s)).Where(f => f.Key.EndsWith("Cargo.toml", StringComparison.Ordinal)).Select(f => f.Value));
        var files = Enumerable.Range(1, 30).Select(WorkspaceGenerator.Generate).ToList();
        files.ShouldContain(f => f.ContainsKey(".cargo/config") && f.ContainsKey(".cargo/config.toml"), "both cargo config spellings");
        files.ShouldContain(f => f.ContainsKey("rust-toolchain") && f.ContainsKey("rust-toolchain.toml"), "both toolchain spellings");
        files.ShouldContain(f => f.Keys.Any(k => k.StartsWith("fuzz/.cargo/config", StringComparison.Ordinal)) && f.ContainsKey("fuzz/rust-toolchain.toml"), "a nested root with its own config");
        files.ShouldContain(f => f.ContainsKey("vendor/itoa/Cargo.toml") && !f["Cargo.toml"].Contains("vendor/itoa\"]", StringComparison.Ordinal) && !f["Cargo.toml"].Contains("\"vendor/itoa\",", StringComparison.Ordinal), "a [patch] directory neither member nor excluded");
        foreach (var expected in new[] { "git = ", "branch = ", "doctest = false", "bench = false", "doc = false", "test = false", "[workspace.dependencies]", ".workspace = true", "workspace = true", "package = ", "optional = true", "dep:", "?/", "[target.", "dev-dependencies", "build-dependencies", "crates/*", "exclude = ", "proc-macro = true", "required-features", "autobins = false", "build = false", "harness = false", "default-features = false", "path = ", "[patch.crates-io]", "cargo-fuzz = true", "2.0.0-beta.1", "edition = " })
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
