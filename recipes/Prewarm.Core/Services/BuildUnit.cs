using Prewarm.Core.Cargo;
using Prewarm.Core.Recipes;
using Prewarm.Core.Settings;

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

    /// <summary>One build per repository; with services declared, one per service of the one repository.
    /// A service cannot share the run with a selection or tags of the run's own: each names its own.</summary>
    public static IReadOnlyList<BuildUnit> Plan(PrewarmSettings settings)
    {
        var shared = settings.Shared;
        var ids = RepositoryIds.Assign(shared.Repositories);
        var services = settings.Services;
        if (services.Count == 0)
        {
            return [.. shared.Repositories.Zip(ids, (root, id) => new BuildUnit { Id = id, RepositoryId = id, Repository = root, Build = shared.Build, Tags = settings.Docker.Tags })];
        }

        var declared = services[0].Declared;
        var conflict = shared.Repositories.Count > 1 ? $"{shared.Repositories.Count} repositories are given; services belong to one (give one --repo)"
            : shared.Build.IsFiltered ? "--package/--bin select the run's build; a service names its own package or bin (drop them)"
            : settings.Docker.Tags.Count > 0 ? "--tag names one image; each service names its image's tags with its own tag key (drop --tag)"
            : null;
        if (conflict is not null)
        {
            throw new PrewarmException($"{declared}: services are declared, but {conflict}");
        }

        return [.. services.Select(service => new BuildUnit
        {
            Id = service.ArtifactId(ids[0]),
            RepositoryId = ids[0],
            Repository = shared.Repositories[0],
            Build = service.Within(shared.Build),
            Tags = service.Tags,
            Service = service,
        })];
    }
}
