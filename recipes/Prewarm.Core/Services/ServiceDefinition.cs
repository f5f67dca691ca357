using System.Text.RegularExpressions;
using Prewarm.Core.Recipes;

namespace Prewarm.Core.Services;

/// <summary>
/// One service of a repository, as prewarm.toml declares it (<c>[services.NAME]</c>): the members it
/// builds and how, and the tags of its image. One Warmup gives each service a recipe, Dockerfile, image
/// and verify record of its own, under <see cref="ArtifactId"/>.
/// </summary>
public sealed partial record ServiceDefinition
{
    /// <summary>The table's name: lower-case letters, digits and dashes, so it can name directories and images.</summary>
    public required string Name { get; init; }

    /// <summary>Where the table is declared, <c>file:line:column</c>, for errors about it.</summary>
    public required string Declared { get; init; }

    /// <summary>cargo <c>-p</c>: the workspace members the service builds.</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>cargo <c>--bin</c>: the binaries the service builds.</summary>
    public IReadOnlyList<string> Bins { get; init; } = [];

    /// <summary>cargo <c>--features</c>, sorted, duplicates removed.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public bool NoDefaultFeatures { get; init; }

    public bool AllFeatures { get; init; }

    /// <summary>The image's tags; empty means <c>prewarm/&lt;artifact-id&gt;-builder:latest</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>The id its artifacts are kept under: <c>&lt;repo-id&gt;.&lt;service&gt;</c> (a dot, which no
    /// service name holds, so the id never equals a repository's id, nor another service's).</summary>
    public string ArtifactId(string repositoryId) => $"{repositoryId}.{Name}";

    /// <summary>The service's build within the run's: the run's profile and target, the service's
    /// selection, and the feature switches of both.</summary>
    public BuildIdentity Within(BuildIdentity run) => run with
    {
        Packages = Packages,
        Bins = Bins,
        Features = BuildEnvironment.NormalizeFeatures(run.Features.Concat(Features)),
        NoDefaultFeatures = run.NoDefaultFeatures || NoDefaultFeatures,
        AllFeatures = run.AllFeatures || AllFeatures,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ValidName();
}
