namespace Prewarm.Core.Recipes.Cooking;

/// <summary>One <c>cargo build</c> of the skeleton: a root manifest and the build the real build
/// must repeat (<see cref="CookOptions.Build"/>, target directory) to find the units fresh.</summary>
public sealed record CookStep(string Manifest, CookOptions Options, bool Locked)
{
    /// <summary>cargo runs in the manifest's directory, so the skeleton's <c>.cargo/config.toml</c> applies.</summary>
    public string WorkingDirectory => Path.GetDirectoryName(Manifest)!;
}
