using Prewarm.Core.Cargo;
using Prewarm.Core.IO;

namespace Prewarm.Core.Recipes;

/// <summary>The Recipe task's per-repository outputs under the artifacts directory:
/// <c>recipes/&lt;repo-id&gt;/recipe.json</c>, <c>skeleton/…</c> and <c>build-env.json</c>, written as one
/// unit (all or nothing) and only where content changed.</summary>
public static class RecipeArtifacts
{
    public const string RecipeFile = "recipe.json";
    public const string EnvironmentFile = "build-env.json";
    public const string SkeletonDirectory = "skeleton";

    public static string DirectoryFor(string artifacts, string repositoryId) => Path.Combine(artifacts, "recipes", repositoryId);

    /// <summary>Writes the three outputs; the build environment is bound to the recipe's SHA-256.</summary>
    /// <returns>The environment as written (with the recipe's hash filled in).</returns>
    public static BuildEnvironment Write(string artifacts, CargoRepository repository, Recipe recipe, BuildEnvironment environment)
    {
        var directory = DirectoryFor(artifacts, repository.Id);
        EnsureOutsideSources(directory, repository);
        var json = RecipeJson.Serialize(recipe);
        var bound = environment with { RecipeSha256 = RecipeJson.Sha256(json) };
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [RecipeFile] = System.Text.Encoding.UTF8.GetBytes(json),
            [EnvironmentFile] = System.Text.Encoding.UTF8.GetBytes(bound.ToJson()),
        };
        foreach (var (path, content) in SkeletonFiles.MaterializeBytes(recipe))
        {
            files[SkeletonDirectory + "/" + path] = content;
        }

        DirectoryTree.Replace(directory, files);
        return bound;
    }

    /// <summary>Refuses an output directory that is the repository itself, contains it, or lies in a
    /// package's directory tree: replacing it would destroy sources, and a skeleton inside a package
    /// would be picked up by cargo's auto-discovery.</summary>
    public static void EnsureOutsideSources(string outputDirectory, CargoRepository repository)
    {
        var output = Full(outputDirectory);
        var root = Full(repository.RootPath);
        if (FullPaths.IsSameOrInside(root, output))
        {
            throw new PrewarmException($"{outputDirectory}: the recipe output would contain the repository {repository.RootPath}; choose another --artifacts");
        }

        foreach (var package in repository.Packages)
        {
            var packageDirectory = Full(Path.Combine(root, package.Directory));
            var isRootPackage = package.Directory.Length == 0;
            if (FullPaths.IsSameOrInside(output, packageDirectory) && !isRootPackage)
            {
                throw new PrewarmException($"{outputDirectory}: lies inside the sources of package {package.Name} ({package.ManifestPath}); choose an --artifacts outside it");
            }

            foreach (var source in package.Targets.Select(t => Full(Path.Combine(root, ManifestPaths.DirectoryOf(t.SrcPath)))).Distinct())
            {
                if (FullPaths.IsSameOrInside(output, source))
                {
                    throw new PrewarmException($"{outputDirectory}: lies inside the sources of package {package.Name} ({source}); choose an --artifacts outside it");
                }
            }
        }
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
