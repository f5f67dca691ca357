using System.Globalization;
using Prewarm.Cake.Recipes;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;
using Prewarm.Core.Scanning;
using Prewarm.Tests.Recipes.Support;
using Prewarm.Tests.Reliability.RandomWorkspaces;

namespace Prewarm.Tests.Reliability;

/// <summary>The promise of cooking, checked on generated repositories: the skeleton of each builds
/// (dummy libraries, proc-macros, cdylibs, build scripts, every edition), and the real build of the
/// repository afterwards compiles no external unit again. Seeds share one target directory, as CI
/// runners share a cache. <c>PREWARM_RANDOM_COOKS=N</c> cooks N seeds.</summary>
[TestFixture]
[NonParallelizable]
[Category("Slow")] // starts an external process (cargo, git, dotnet or the build host)
public sealed class RandomWorkspaceCookTests
{
    private TemporaryDirectory _work = null!;

    public static IEnumerable<int> Seeds() =>
        Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("PREWARM_RANDOM_COOKS"), CultureInfo.InvariantCulture, out var n) ? n : 4);

    [OneTimeSetUp]
    public void CreateWork() => _work = new TemporaryDirectory("prewarm-random-cook-");

    [OneTimeTearDown]
    public void DeleteWork() => _work.Dispose();

    [TestCaseSource(nameof(Seeds))]
    public async Task After_cooking_the_skeleton_no_external_unit_compiles_again(int seed)
    {
        var root = Path.Combine(_work.Path, $"repo-{seed}");
        var sources = Path.Combine(_work.Path, $"sources-{seed}");
        var generated = await GeneratedRepository.CreateAsync(seed, sources);
        var recipe = SkeletonBuilder.Build(RepositoryScanner.Scan(sources, "repo"));
        var options = new CookOptions { TargetDirectory = Path.Combine(_work.Path, "target"), Offline = true };

        // As in the image: the skeleton is built where the sources will be (cargo tells path packages
        // apart by location), the sources are copied over it with their mtimes, and the workspace's
        // own sources are touched; real [patch] sources are not.
        GeneratedRepository.Write(root, SkeletonFiles.Materialize(recipe));
        var step = new CookStep(Path.Combine(root, "Cargo.toml"), options, Locked: true);
        var cookSettings = CookBuild.Settings(step);
        CargoArguments.For(cookSettings).Render().ShouldBe($"build --workspace --target-dir \"{options.TargetDirectory}\" --manifest-path \"{step.Manifest}\" --locked --offline");
        var cook = await CargoProcess.RunAsync(cookSettings, check: false);
        cook.ExitCode.ShouldBe(0, $"the skeleton does not build:\n{cook.StandardError}\n{generated.Description}");
        CopyOver(sources, root);
        var patched = recipe.PatchedDirectories();
        foreach (var file in Directory.GetFiles(root, "*.rs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!patched.Any(d => relative.StartsWith(d + "/", StringComparison.Ordinal)))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
            }
        }

        // The real build repeats cook's switches, with cargo's JSON messages.
        var buildSettings = CookBuild.Settings(step);
        buildSettings.MessageFormat = "json";
        CargoArguments.For(buildSettings).Render().ShouldBe($"build --workspace --target-dir \"{options.TargetDirectory}\" --message-format \"json\" --manifest-path \"{step.Manifest}\" --locked --offline");
        var build = await CargoProcess.RunAsync(buildSettings, check: false);
        build.ExitCode.ShouldBe(0, build.StandardError);
        var artifacts = BuildMessages.Parse(build.StandardOutput);
        artifacts.Where(a => a.IsExternal && !a.Fresh).ShouldBeEmpty($"external units compiled again after cook\n{generated.Description}");
        var rebuilt = artifacts.Where(a => !a.IsExternal && !patched.Any(d => a.PackageId.Contains("/" + d + "#", StringComparison.Ordinal))).ToList();
        rebuilt.ShouldAllBe(a => !a.Fresh, "the workspace's units must be built from the real sources, not the dummies");
    }

    /// <summary>Like Docker's COPY: every file of <paramref name="from"/> over <paramref name="to"/>, mtimes kept.</summary>
    private static void CopyOver(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}
