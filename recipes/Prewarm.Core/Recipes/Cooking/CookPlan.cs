using Tomlyn;
using Tomlyn.Model;

namespace Prewarm.Core.Recipes.Cooking;

/// <summary>Which builds cook a skeleton: its root manifest, or, when the repository has none at its
/// root (several workspaces side by side), every workspace root in it.</summary>
public static class CookPlan
{
    public static IReadOnlyList<CookStep> Steps(Recipe recipe, string skeleton, CookOptions options) =>
        RootManifests(recipe, skeleton)
            .Select(manifest => new CookStep(manifest, options, Locked: File.Exists(Path.Combine(Path.GetDirectoryName(manifest)!, "Cargo.lock"))))
            .ToList();

    public static IReadOnlyList<string> RootManifests(Recipe recipe, string skeleton)
    {
        if (recipe.Manifests.Any(m => m.RelativePath == "Cargo.toml"))
        {
            return [Path.Combine(skeleton, "Cargo.toml")];
        }

        var workspaces = recipe.Manifests
            .Where(m => TomlSerializer.Deserialize<TomlTable>(m.Contents)!.ContainsKey("workspace"))
            .Select(m => Path.Combine(skeleton, m.RelativePath))
            .ToList();
        return workspaces.Count > 0
            ? workspaces
            : throw new PrewarmException($"{skeleton}: no Cargo.toml at the root and no workspace root to build");
    }
}
