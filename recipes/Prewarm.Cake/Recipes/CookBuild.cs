using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Recipes;

/// <summary>A <see cref="CookStep"/> as cargo's settings.</summary>
internal static class CookBuild
{
    public static CargoBuildSettings Settings(CookStep step) => new CargoBuildSettings
    {
        ManifestPath = step.Manifest,
        WorkingDirectory = step.WorkingDirectory,
        TargetDirectory = step.Options.TargetDirectory,
        Locked = step.Locked,
        Offline = step.Options.Offline,
    }.Making(step.Options.Build);
}
