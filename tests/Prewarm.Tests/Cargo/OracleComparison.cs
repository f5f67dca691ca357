using System.Text.Json;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Cargo;

/// <summary>Puts cargo metadata's view and the scanner's view of each package into the same
/// canonical lines so a mismatch shows exactly which field differs.</summary>
internal static class OracleComparison
{
    /// <summary>Runs cargo metadata on every workspace root and standalone package of the scanned
    /// repository and compares every package it reports; then (unless the caller checks the skeleton
    /// itself) resolves the skeleton fully beside the original (<see cref="AssertSkeletonResolvesLikeCargoAsync"/>).</summary>
    public static async Task<int> AssertMatchesCargoAsync(CargoRepository repository, bool fullResolution = true)
    {
        var compared = 0;
        foreach (var rootManifest in Roots(repository))
        {
            using var metadata = await CargoMetadata.ReadAsync(Path.Combine(repository.RootPath, rootManifest));
            foreach (var expected in metadata.RootElement.GetProperty("packages").EnumerateArray())
            {
                var manifestPath = Relative(repository.RootPath, expected.GetProperty("manifest_path").GetString()!);
                var actual = repository.Packages.SingleOrDefault(p => p.ManifestPath == manifestPath);
                actual.ShouldNotBeNull($"cargo reports {manifestPath}, the scan does not");
                Compare(repository.RootPath, expected, actual);
                compared++;
            }
        }

        // A [patch] directory that is no member: only full resolution reads it, and lists it only when
        // the patch is used (the count stays that of --no-deps's packages).
        foreach (var patched in repository.Packages.Where(p => p.InheritsFrom is not null))
        {
            var root = Path.Combine(repository.RootPath, ManifestPaths.DirectoryOf(patched.InheritsFrom!));
            using var metadata = JsonDocument.Parse(await CargoMetadata.RunAsync(root, "metadata", "--format-version", "1", "--offline"));
            var expected = metadata.RootElement.GetProperty("packages").EnumerateArray()
                .Where(p => Relative(repository.RootPath, p.GetProperty("manifest_path").GetString()!) == patched.ManifestPath)
                .ToList();
            if (expected is [var used])
            {
                Compare(repository.RootPath, used, patched);
            }
        }

        if (fullResolution)
        {
            await AssertSkeletonResolvesLikeCargoAsync(repository);
        }

        return compared;
    }

    /// <summary>Full resolution, which <c>--no-deps</c> does not do (it never reads a [patch] path): on
    /// every root, cargo resolves the skeleton to the original's graph, or refuses both. Run in each
    /// root's directory, so each reads the configuration it would.</summary>
    public static async Task AssertSkeletonResolvesLikeCargoAsync(CargoRepository repository)
    {
        using var skeleton = new TemporaryDirectory("prewarm-oracle-skeleton-");
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.MaterializeBytes(SkeletonBuilder.Build(repository)));
        foreach (var rootManifest in Roots(repository))
        {
            var original = await GraphOrErrorAsync(repository.RootPath, rootManifest);
            var cooked = await GraphOrErrorAsync(skeleton.Path, rootManifest);
            (cooked is null).ShouldBe(original is null, $"{rootManifest}: cargo resolves {(original is null ? "the skeleton but not the original" : "the original but not the skeleton")}");
            if (original is not null)
            {
                cooked.ShouldBe(original, $"the skeleton of {rootManifest} resolves differently");
            }
        }
    }

    private static async Task<List<string>?> GraphOrErrorAsync(string root, string rootManifest)
    {
        try
        {
            return await ResolvedGraph.ReadAsync(Path.Combine(root, ManifestPaths.DirectoryOf(rootManifest)), "Cargo.toml", locked: false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The manifests cargo metadata is run on: every workspace root and standalone package.</summary>
    internal static IReadOnlyList<string> Roots(CargoRepository repository) =>
        repository.Workspaces.Select(w => w.RootManifestPath)
            .Concat(repository.Packages.Where(p => p.WorkspaceRoot is null && p.InheritsFrom is null).Select(p => p.ManifestPath))
            .Distinct()
            .ToList();

    internal static void Compare(string root, JsonElement expected, CargoPackage actual)
    {
        var what = actual.ManifestPath;
        actual.Name.ShouldBe(expected.GetProperty("name").GetString(), what);
        actual.Version.ShouldBe(expected.GetProperty("version").GetString(), what);
        actual.Edition.ShouldBe(expected.GetProperty("edition").GetString(), what);
        actual.RustVersion.ShouldBe(expected.GetProperty("rust_version").GetString(), what);

        ActualDependencies(actual).ShouldBe(ExpectedDependencies(root, expected), $"dependencies of {what}");
        ActualTargets(actual).ShouldBe(ExpectedTargets(root, expected), $"targets of {what}");
        ActualFeatures(actual).ShouldBe(ExpectedFeatures(expected), $"features of {what}");
    }

    private static List<string> ExpectedDependencies(string root, JsonElement package) =>
        package.GetProperty("dependencies").EnumerateArray()
            .Select(d => DependencyLine(
                d.GetProperty("name").GetString()!,
                d.GetProperty("rename").GetString(),
                d.GetProperty("kind").GetString(),
                d.GetProperty("target").GetString(),
                d.GetProperty("req").GetString()!,
                d.GetProperty("features").EnumerateArray().Select(f => f.GetString()!),
                d.GetProperty("uses_default_features").GetBoolean(),
                d.GetProperty("optional").GetBoolean(),
                d.GetProperty("source").GetString(),
                d.TryGetProperty("path", out var path) ? Relative(root, path.GetString()!) : null))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> ActualDependencies(CargoPackage package) =>
        package.Dependencies
            .Select(d => DependencyLine(d.Name, d.Rename, d.Kind.ToMetadataKind(), d.Target, d.Req, d.Features, d.UsesDefaultFeatures, d.Optional, d.Source, d.Path))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string DependencyLine(string name, string? rename, string? kind, string? target, string req, IEnumerable<string> features, bool defaults, bool optional, string? source, string? path) =>
        $"{name} rename={rename} kind={kind} target={target} req={req} features=[{string.Join(",", features)}] default={defaults} optional={optional} source={source} path={path}";

    private static List<string> ExpectedTargets(string root, JsonElement package) =>
        package.GetProperty("targets").EnumerateArray()
            .Select(t => TargetLine(
                t.GetProperty("name").GetString()!,
                t.GetProperty("kind").EnumerateArray().Select(k => k.GetString()!),
                t.GetProperty("crate_types").EnumerateArray().Select(k => k.GetString()!),
                Relative(root, t.GetProperty("src_path").GetString()!),
                t.GetProperty("edition").GetString()!,
                t.TryGetProperty("required-features", out var rf) ? rf.EnumerateArray().Select(f => f.GetString()!) : [],
                t.GetProperty("test").GetBoolean(),
                t.GetProperty("doctest").GetBoolean(),
                t.GetProperty("doc").GetBoolean()))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> ActualTargets(CargoPackage package) =>
        package.Targets
            .Select(t => TargetLine(t.Name, t.Kinds, t.CrateTypes, t.SrcPath, t.Edition, t.RequiredFeatures, t.Test, t.Doctest, t.Doc))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string TargetLine(string name, IEnumerable<string> kinds, IEnumerable<string> crateTypes, string srcPath, string edition, IEnumerable<string> required, bool test, bool doctest, bool doc) =>
        $"{name} kinds=[{string.Join(",", kinds)}] crate-types=[{string.Join(",", crateTypes)}] src={srcPath} edition={edition} required=[{string.Join(",", required)}] test={test} doctest={doctest} doc={doc}";

    private static List<string> ExpectedFeatures(JsonElement package) =>
        package.GetProperty("features").EnumerateObject()
            .Select(f => $"{f.Name}=[{string.Join(",", f.Value.EnumerateArray().Select(v => v.GetString()))}]")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> ActualFeatures(CargoPackage package) =>
        package.Features.Select(f => $"{f.Key}=[{string.Join(",", f.Value)}]").Order(StringComparer.Ordinal).ToList();

    /// <summary>The scanner's convention: '/'-separated, the repository root itself is "".</summary>
    internal static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        return relative == "." ? "" : relative;
    }
}
