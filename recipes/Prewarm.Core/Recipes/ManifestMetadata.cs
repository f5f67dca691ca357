namespace Prewarm.Core.Recipes;

/// <summary>Manifest keys that describe a package but never change how it or its dependencies
/// compile; dropping them keeps the recipe (and Docker's cache) stable when they are edited.</summary>
internal static class ManifestMetadata
{
    public static readonly IReadOnlyList<string> PackageKeys =
    [
        "authors", "badges", "categories", "description", "documentation", "exclude", "homepage",
        "include", "keywords", "license", "license-file", "metadata", "publish", "readme", "repository",
    ];

    public static readonly IReadOnlyList<string> TopLevelKeys = ["badges", "lints"];

    public static readonly IReadOnlyList<string> WorkspaceKeys = ["lints", "metadata"];

    /// <summary><see cref="WorkspaceKeys"/> when <c>[workspace.lints]</c> is kept as written.</summary>
    public static readonly IReadOnlyList<string> WorkspaceKeysButLints = [.. WorkspaceKeys.Where(k => k != "lints")];

    /// <summary>The package keys switching target auto-discovery, all replaced in the skeleton.</summary>
    public static readonly IReadOnlyList<string> AutoDiscoveryKeys = ["autobins", "autoexamples", "autotests", "autobenches", "autolib"];

    public static readonly IReadOnlyList<string> DependencyTables =
    [
        "dependencies", "dev-dependencies", "dev_dependencies", "build-dependencies", "build_dependencies",
    ];

    public static readonly IReadOnlyList<string> TargetTables = ["lib", "bin", "example", "test", "bench"];

    /// <summary>The version every local package gets in the skeleton, so bumping a version does not invalidate the cache.</summary>
    public const string MaskedVersion = "0.0.1";
}
