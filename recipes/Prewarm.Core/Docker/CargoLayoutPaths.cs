namespace Prewarm.Core.Docker;

/// <summary>The directories a <see cref="CargoLayout"/> puts cargo's state in.</summary>
public sealed record CargoLayoutPaths(string CargoHome, string CacheRoot, string RegistryDirectory, string GitDirectory)
{
    public static CargoLayoutPaths For(CargoLayout layout, string user) => layout switch
    {
        CargoLayout.CargoHome => new($"/home/{user}/.cargo", $"/home/{user}/.cargo", $"/home/{user}/.cargo/registry", $"/home/{user}/.cargo/git"),
        CargoLayout.Symlinked => new("/usr/local/cargo", "/cache/cargo", "/cache/cargo/registry", "/cache/cargo/git"),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    /// <summary>Parses the command-line spelling: <c>cargo-home</c> or <c>symlinked</c>.</summary>
    public static CargoLayout ParseLayout(string value) => value.Trim().ToLowerInvariant() switch
    {
        "cargo-home" or "cargohome" => CargoLayout.CargoHome,
        "symlinked" or "symlink" => CargoLayout.Symlinked,
        _ => throw new PrewarmException($"Unknown cargo layout '{value}': use cargo-home or symlinked."),
    };

    public static string Spell(CargoLayout layout) => layout == CargoLayout.CargoHome ? "cargo-home" : "symlinked";
}
