using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;

namespace Prewarm.Core.Services;

/// <summary>
/// One build a run makes, and the id its recipe, Dockerfile, image and verify records are kept under:
/// a repository's build (<see cref="Id"/> is the repo-id), or, when prewarm.toml declares services, one
/// per service (<c>&lt;repo-id&gt;.&lt;service&gt;</c>, with the service's selection, features and tags).
/// </summary>
public sealed record BuildUnit
{
    /// <summary>The artifacts' id: <c>recipes/ID/</c>, <c>docker/ID/</c>, <c>verify/ID/</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The repository's own id, as Scan knows it.</summary>
    public required string RepositoryId { get; init; }

    /// <summary>The repository's absolute root.</summary>
    public required string Repository { get; init; }

    public required BuildIdentity Build { get; init; }

    /// <summary>The image's tags; empty means <c>prewarm/&lt;id&gt;-builder:latest</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The service this build is for; null for a repository's build.</summary>
    public ServiceDefinition? Service { get; init; }

    /// <summary>One build per repository (the run's <paramref name="build"/> and <paramref name="tags"/>); with
    /// <paramref name="services"/> declared, one per service of the one repository. A service cannot share the
    /// run with a selection or tags of the run's own: each names its own.</summary>
    public static IReadOnlyList<BuildUnit> Plan(IReadOnlyList<string> repositories, BuildIdentity build, IReadOnlyList<string> tags, IReadOnlyList<ServiceDefinition> services)
    {
        var ids = RepositoryIds.Assign(repositories);
        if (services.Count == 0)
        {
            return [.. repositories.Zip(ids, (root, id) => new BuildUnit { Id = id, RepositoryId = id, Repository = root, Build = build, Tags = tags })];
        }

        var conflict = repositories.Count > 1 ? $"{repositories.Count} repositories are given; services belong to one (give one --repo)"
            : build.IsFiltered ? "--package/--bin select the run's build; a service names its own package or bin (drop them)"
            : tags.Count > 0 ? "--tag names one image; each service names its image's tags with its own tag key (drop --tag)"
            : null;
        if (conflict is not null)
        {
            throw new PrewarmException($"{services[0].Declared}: services are declared, but {conflict}");
        }

        return [.. services.Select(service => new BuildUnit
        {
            Id = service.ArtifactId(ids[0]),
            RepositoryId = ids[0],
            Repository = repositories[0],
            Build = service.Within(build),
            Tags = service.Tags,
            Service = service,
        })];
    }
}
