using Prewarm.Core.Artifacts;
using Prewarm.Core.Cargo;
using Prewarm.Core.IO;

namespace Prewarm.Core.Recipes;

/// <summary>The Recipe task's per-repository outputs under the artifacts directory:
/// <c>recipes/&lt;repo-id&gt;/recipe.json</c>, <c>skeleton/…</c> and <c>build-env.json</c>, written as one
/// unit (all or nothing) and only where content changed.</summary>
public static class RecipeArtifacts
{
    public const string RecipeFile = ArtifactsLayout.RecipeFile;
    public const string EnvironmentFile = ArtifactsLayout.EnvironmentFile;
    public const string SkeletonDirectory = ArtifactsLayout.SkeletonDirectory;
    public const string ManifestFile = ArtifactsLayout.RecipeManifestFile;

    /// <summary>A member-scoped recipe's workspace roots and lockfiles for the real build (<see cref="ScopedSources.Files"/>).</summary>
    public const string SourcesDirectory = "sources";

    public static string DirectoryFor(string artifacts, string repositoryId) => new ArtifactsLayout(artifacts).RecipeDirectory(repositoryId);

    /// <summary>Writes recipe.json, skeleton/, build-env.json (bound to the recipe's SHA-256) and the
    /// stage's manifest (recipe-manifest.json) recording the build <paramref name="identity"/> (by default
    /// the environment's profile, target and features over the whole workspace), under <paramref name="id"/>
    /// (by default the repository's; a service's is its own).</summary>
    /// <returns>The environment as written (with the recipe's hash filled in).</returns>
    public static BuildEnvironment Write(
        string artifacts,
        CargoRepository repository,
        Recipe recipe,
        BuildEnvironment environment,
        BuildIdentity? identity = null,
        string? id = null)
    {
        var directory = DirectoryFor(artifacts, id ?? repository.Id);
        EnsureOutsideSources(directory, repository);
        var json = RecipeJson.SerializeUtf8(recipe);
        var bound = environment with { RecipeSha256 = RecipeJson.Sha256(json) };
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [RecipeFile] = json,
            [EnvironmentFile] = System.Text.Encoding.UTF8.GetBytes(bound.ToJson()),
        };
        foreach (var (path, content) in SkeletonFiles.MaterializeBytes(recipe))
        {
            files[SkeletonDirectory + "/" + path] = content;
        }

        var build = identity ?? new BuildIdentity { Profile = bound.Profile, Target = bound.Target, Features = bound.Features };
        var scoped = ScopedSources.For(repository, build.Selection());
        foreach (var (path, text) in scoped?.Files ?? new Dictionary<string, string>())
        {
            files[SourcesDirectory + "/" + path] = System.Text.Encoding.UTF8.GetBytes(text);
        }

        var manifest = new RecipeStageManifest
        {
            RepositoryId = id ?? repository.Id,
            Build = build with { BinPackages = MemberFilter.BinOwners(repository, build.Bins).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList() },
            SourceDirectories = scoped?.Directories,
            SkeletonLockfile = files.ContainsKey(SkeletonDirectory + "/Cargo.lock"),
            CargoConfig = files.ContainsKey(SkeletonDirectory + "/.cargo/config.toml"),
            PatchedDirectories = recipe.PatchedDirectories(),
            RecipeSha256 = bound.RecipeSha256,
        };
        files[ManifestFile] = System.Text.Encoding.UTF8.GetBytes(manifest.ToJson());
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
