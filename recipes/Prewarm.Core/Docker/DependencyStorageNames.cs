namespace Prewarm.Core.Docker;

/// <summary>The command-line spelling of <see cref="DependencyStorage"/>: <c>image</c> or <c>cache-mount</c>.</summary>
public static class DependencyStorageNames
{
    public static DependencyStorage Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "image" or "layers" => DependencyStorage.Image,
        "cache-mount" or "cache" => DependencyStorage.CacheMount,
        _ => throw new PrewarmException($"--deps-storage={value}: expected image (compiled dependencies in the image's layers) or cache-mount (in BuildKit cache mounts, this machine only)."),
    };

    public static string Spell(DependencyStorage storage) => storage == DependencyStorage.Image ? "image" : "cache-mount";
}
