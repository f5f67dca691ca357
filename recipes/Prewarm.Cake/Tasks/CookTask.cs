using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Prewarm.Cake.Support;
using Prewarm.Cake.Tools.Cargo;
using Prewarm.Cake.Tools.Rustc;
using Prewarm.Core;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Recipes;
using Prewarm.Core.Recipes.Cooking;
using RepositoryIds = Prewarm.Core.Cargo.RepositoryIds;
using Prewarm.Frosting;
using Path = System.IO.Path;

namespace Prewarm.Cake.Tasks;

/// <summary>
/// Builds each repository's skeleton (<c>recipes/&lt;repo-id&gt;/skeleton</c>) with cargo into the
/// repository's target directory, then deletes what was compiled from the dummy sources, so the
/// next real build compiles only the repository's own crates. Reports drift between the
/// environment the recipe was made for (<c>build-env.json</c>) and this build's.
/// Arguments as for Recipe, plus <c>--target-dir=DIR</c> (default &lt;repo&gt;/target) and <c>--offline</c>.
/// </summary>
[TaskName("Cook")]
[IsDependentOn(typeof(RecipeTask))]
[TaskDescription("Builds each repository's skeleton with cargo on this machine so real builds find every dependency compiled.")]
public sealed class CookTask : FrostingTask<PrewarmContext>
{
    public override void Run(PrewarmContext context)
    {
        var cargo = CargoTool.For(context);
        var rustc = RustcTool.For(context);
        var selection = RecipeArguments.Selection(context);
        var layout = context.Layout;
        var ids = RepositoryIds.Assign(context.Settings.Shared.Repositories);
        for (var i = 0; i < ids.Count; i++)
        {
            var repository = context.Repositories[i];
            var recipeFile = StageArtifact.Require(layout.Recipe(ids[i]), PipelineTasks.Recipe);
            var environmentFile = StageArtifact.Require(layout.BuildEnvironment(ids[i]), PipelineTasks.Recipe);
            var skeleton = StageArtifact.Require(layout.Skeleton(ids[i]), PipelineTasks.Recipe);
            var text = File.ReadAllText(recipeFile);
            var recipe = RecipeJson.Deserialize(text, recipeFile);
            var recorded = BuildEnvironment.FromJson(File.ReadAllText(environmentFile), environmentFile);
            var toolchain = rustc.VerboseVersion(new RustcVersionSettings { WorkingDirectory = skeleton });
            var current = RecipeArguments.Environment(context, toolchain) with { RecipeSha256 = RecipeJson.Sha256(text) };
            foreach (var drift in recorded.DriftFrom(current))
            {
                context.Log.Warning("Cook {0}: drift from {1}: {2}", ids[i], environmentFile, drift);
            }

            var options = RecipeArguments.Cook(context, repository, selection);
            foreach (var manifest in RootManifests(recipe, skeleton))
            {
                context.Log.Information("Cook {0}: cargo build {1} (profile {2}) into {3}", ids[i], manifest, options.Profile, options.TargetDirectory);
                cargo.Build(BuildSettings(manifest, options, locked: File.Exists(Path.Combine(Path.GetDirectoryName(manifest)!, "Cargo.lock"))));
            }

            var dummies = recipe.LocalPackages();
            var removed = DummyArtifacts.Remove(options, dummies);
            context.Log.Information("Cook {0}: dependencies compiled; removed {1} artifacts of the dummy crates {2}", ids[i], removed, string.Join(", ", dummies));
        }
    }

    /// <summary>cargo's settings for one cook; the real build must use the same profile, target,
    /// features and target directory to find the units fresh.</summary>
    internal static CargoBuildSettings BuildSettings(string manifest, CookOptions options, bool locked)
    {
        var settings = new CargoBuildSettings
        {
            ManifestPath = manifest,
            WorkingDirectory = Path.GetDirectoryName(manifest)!,
            Profile = options.Profile is "dev" or "release" ? null : options.Profile,
            Release = options.Profile == "release",
            Target = options.Target,
            TargetDirectory = options.TargetDirectory,
            Workspace = options.Packages.Count == 0 && options.Bins.Count == 0,
            Locked = locked,
            Offline = options.Offline,
        };
        foreach (var feature in options.Features)
        {
            settings.Features.Add(feature);
        }

        foreach (var package in options.Packages)
        {
            settings.Packages.Add(package);
        }

        foreach (var bin in options.Bins)
        {
            settings.Binaries.Add(bin);
        }

        return settings;
    }

    /// <summary>The skeleton's root manifest, or when the repository has none at its root, every workspace root in it.</summary>
    private static IReadOnlyList<string> RootManifests(Recipe recipe, string skeleton)
    {
        if (recipe.Manifests.Any(m => m.RelativePath == "Cargo.toml"))
        {
            return [Path.Combine(skeleton, "Cargo.toml")];
        }

        var workspaces = recipe.Manifests
            .Where(m => Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(m.Contents)!.ContainsKey("workspace"))
            .Select(m => Path.Combine(skeleton, m.RelativePath))
            .ToList();
        return workspaces.Count > 0
            ? workspaces
            : throw new PrewarmException($"{skeleton}: no Cargo.toml at the root and no workspace root to build");
    }
}
