using System.Text.Json;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Cargo;

/// <summary>Opt-in: the scanner and the skeleton checked against cargo on real repositories. Each
/// directory listed (':'-separated) in <c>PREWARM_REAL_WORLD</c> is one case; unset, there are none.
/// cargo inherits the environment, so <c>RUSTUP_TOOLCHAIN=stable</c> overrides a repository's
/// rust-toolchain pin that rustup cannot install offline.</summary>
[TestFixture]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class RealWorldRepositoryTests
{
    private const string Variable = "PREWARM_REAL_WORLD";

    public static IEnumerable<TestCaseData> Repositories() =>
        (Environment.GetEnvironmentVariable(Variable) ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.GetFullPath)
            .Select(d => new TestCaseData(d).SetArgDisplayNames(d));

    [TestCaseSource(nameof(Repositories))]
    public async Task Scan_and_skeleton_match_cargo_metadata(string directory)
    {
        Directory.Exists(directory).ShouldBeTrue($"{Variable} lists {directory}, which does not exist");
        var repository = RepositoryScanner.Scan(directory);
        var compared = await OracleComparison.AssertMatchesCargoAsync(repository, fullResolution: false);
        TestContext.Out.WriteLine($"{directory}: {compared} packages equal to cargo metadata");

        var recipe = SkeletonBuilder.Build(repository);
        using var skeleton = new TemporaryDirectory("prewarm-skeleton-");
        GeneratedRepository.Write(skeleton.Path, SkeletonFiles.MaterializeBytes(recipe));
        var masking = SkeletonBuilder.MaskedVersionsOf(repository);
        foreach (var root in OracleComparison.Roots(repository))
        {
            using var original = await CargoMetadata.ReadAsync(Path.Combine(directory, root));
            using var skeletal = await CargoMetadata.ReadAsync(Path.Combine(skeleton.Path, root));
            var expected = Describe(directory, original.RootElement, masking.Of);
            var actual = Describe(skeleton.Path, skeletal.RootElement, maskedVersionOf: null);
            actual.ShouldBe(expected, $"skeleton of {root}; only in the repository: [{string.Join("; ", expected.Except(actual))}], only in the skeleton: [{string.Join("; ", actual.Except(expected))}]");
        }

        foreach (var (path, text) in recipe.NestedLockFiles.Append(new KeyValuePair<string, string>("Cargo.lock", recipe.LockFile ?? string.Empty)).Where(l => l.Value.Length > 0))
        {
            Should.NotThrow(() => LockfileParser.Parse(text, path), $"masked {path}");
        }

        TestContext.Out.WriteLine($"{directory}: skeleton equal on {OracleComparison.Roots(repository).Count} roots");
    }

    /// <summary>One line per package, dependency, feature and target (name and kinds). With
    /// <paramref name="maskedVersionOf"/> the repository's view is turned into what the skeleton must show:
    /// local versions and path-dependency requirements masked (0.0.1, or 0.0.2… for a name several packages
    /// share) except where the skeleton keeps them (patched packages and what they reach by path).</summary>
    private static List<string> Describe(string root, JsonElement metadata, Func<string, string?>? maskedVersionOf)
    {
        var lines = new List<string>();
        foreach (var package in metadata.GetProperty("packages").EnumerateArray())
        {
            var manifest = OracleComparison.Relative(root, package.GetProperty("manifest_path").GetString()!);
            var directory = ManifestPaths.DirectoryOf(manifest);
            var version = package.GetProperty("version").GetString();
            lines.Add($"{manifest}: {package.GetProperty("name").GetString()} {maskedVersionOf?.Invoke(directory) ?? version}");
            foreach (var dependency in package.GetProperty("dependencies").EnumerateArray())
            {
                var path = dependency.TryGetProperty("path", out var p) ? OracleComparison.Relative(root, p.GetString()!) : null;
                var req = dependency.GetProperty("req").GetString();
                if (path is not null && req != "*" && maskedVersionOf?.Invoke(path) is { } maskedTo)
                {
                    req = "^" + maskedTo;
                }

                var features = string.Join(",", dependency.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
                lines.Add($"{manifest}: dependency {dependency.GetProperty("name").GetString()} rename={dependency.GetProperty("rename").GetString()} kind={dependency.GetProperty("kind").GetString()} target={dependency.GetProperty("target").GetString()} req={req} features=[{features}] default={dependency.GetProperty("uses_default_features").GetBoolean()} optional={dependency.GetProperty("optional").GetBoolean()} source={dependency.GetProperty("source").GetString()} path={path}");
            }

            foreach (var feature in package.GetProperty("features").EnumerateObject())
            {
                lines.Add($"{manifest}: feature {feature.Name}=[{string.Join(",", feature.Value.EnumerateArray().Select(v => v.GetString()))}]");
            }

            foreach (var target in package.GetProperty("targets").EnumerateArray())
            {
                lines.Add($"{manifest}: target {target.GetProperty("name").GetString()} [{string.Join(",", target.GetProperty("kind").EnumerateArray().Select(k => k.GetString()))}]");
            }
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }
}
