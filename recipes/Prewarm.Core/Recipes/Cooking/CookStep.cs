namespace Prewarm.Core.Recipes.Cooking;

/// <summary>One <c>cargo build</c> of the skeleton: a root manifest and the switches the real build
/// must repeat (profile, target, features, target directory) to find the units fresh.</summary>
public sealed record CookStep(string Manifest, CookOptions Options, bool Locked)
{
    /// <summary>cargo runs in the manifest's directory, so the skeleton's <c>.cargo/config.toml</c> applies.</summary>
    public string WorkingDirectory => Path.GetDirectoryName(Manifest)!;

    /// <summary><c>--profile NAME</c> for a custom profile; null for dev and release (see <see cref="Release"/>).</summary>
    public string? CustomProfile => Options.Profile is "dev" or "release" ? null : Options.Profile;

    public bool Release => Options.Profile == "release";

    /// <summary>The whole workspace unless the recipe was made for selected packages or binaries.</summary>
    public bool Workspace => Options.Packages.Count == 0 && Options.Bins.Count == 0;
}
