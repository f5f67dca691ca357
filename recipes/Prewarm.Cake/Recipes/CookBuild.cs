using Prewarm.Cake.Tools.Cargo;
using Prewarm.Core.Recipes.Cooking;

namespace Prewarm.Cake.Recipes;

/// <summary>A <see cref="CookStep"/> as cargo's settings.</summary>
internal static class CookBuild
{
    public static CargoBuildSettings Settings(CookStep step)
    {
        var settings = new CargoBuildSettings
        {
            ManifestPath = step.Manifest,
            WorkingDirectory = step.WorkingDirectory,
            Profile = step.CustomProfile,
            Release = step.Release,
            Target = step.Options.Target,
            TargetDirectory = step.Options.TargetDirectory,
            Workspace = step.Workspace,
            Locked = step.Locked,
            Offline = step.Options.Offline,
        };
        foreach (var feature in step.Options.Features)
        {
            settings.Features.Add(feature);
        }

        foreach (var package in step.Options.Packages)
        {
            settings.Packages.Add(package);
        }

        foreach (var bin in step.Options.Bins)
        {
            settings.Binaries.Add(bin);
        }

        return settings;
    }
}
