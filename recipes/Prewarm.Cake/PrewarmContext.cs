using Cake.Frosting;
using Prewarm.Core.Artifacts;
using Prewarm.Core.Scanning;
using Prewarm.Core.Services;
using Prewarm.Core.Settings;
using Prewarm.Core.Warmup;

namespace Prewarm.Cake;

/// <summary>The state every Prewarm task shares, all of it here in sight: the settings bound once from
/// prewarm.toml and the command line (by <see cref="PrewarmLifetime"/>, before the first task), where the
/// repositories are and where artifacts go, and what a stage hands to the stages after it in this run.</summary>
public class PrewarmContext(ICakeContext context) : FrostingContext(context)
{
    private PrewarmSettings? _settings;
    private ArtifactsLayout? _layout;
    private IReadOnlyList<DirectoryPath>? _repositories;
    private DirectoryPath? _artifacts;
    private IReadOnlyList<BuildUnit>? _builds;
    private Lazy<WarmupOptions>? _warmup;

    /// <summary>Every task's typed settings.</summary>
    public PrewarmSettings Settings => _settings ?? throw NotBound();

    /// <summary>Where each stage's artifacts lie under <see cref="Artifacts"/>.</summary>
    public ArtifactsLayout Layout => _layout ?? throw NotBound();

    /// <summary>Repository roots from <c>--repo</c> (repeatable); the working directory when none is given.</summary>
    public IReadOnlyList<DirectoryPath> Repositories => _repositories ?? throw NotBound();

    /// <summary>The builds this run makes, each with the id its artifacts are kept under: one per repository,
    /// or one per service prewarm.toml declares (<see cref="BuildUnit.Plan"/>).</summary>
    public IReadOnlyList<BuildUnit> Builds => _builds ?? throw NotBound();

    /// <summary>Where every task writes its outputs; <c>--artifacts</c>, default <c>artifacts/prewarm/</c>.</summary>
    public DirectoryPath Artifacts => _artifacts ?? throw NotBound();

    /// <summary>What tier selection is told besides the repositories (<c>--tiers</c>, <c>--tier-max-crates</c>,
    /// <c>--tier-timings</c>, <c>--rust-target</c>), read on first use: the same for Scan's frequency report
    /// and Recipe's tiers.</summary>
    public WarmupOptions Warmup => (_warmup ?? throw NotBound()).Value;

    /// <summary>Scan's result when Scan ran in this run: Recipe takes it instead of reading <c>scan.json</c>.</summary>
    public ScanResult? Scanned { get; set; }

    /// <summary>The organisation builder image the BuilderImage task built in this run, if it ran:
    /// the repositories' Dockerfiles build FROM it unless <c>--builder-image</c> names another.</summary>
    public string? BuiltBuilderImage { get; set; }

    /// <summary>Binds the run's settings; once (<see cref="PrewarmLifetime"/> does it before the first task).</summary>
    public void Bind(PrewarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_settings is not null)
        {
            throw new InvalidOperationException("The settings of a Prewarm run are bound once.");
        }

        _settings = settings;
        _layout = settings.Shared.Layout;
        _repositories = [.. settings.Shared.Repositories.Select(r => new DirectoryPath(r))];
        _artifacts = new DirectoryPath(settings.Shared.Artifacts);
        _builds = BuildUnit.Plan(settings.Shared.Repositories, settings.Shared.Build, settings.Docker.Tags, settings.Services);
        var recipe = settings.Recipe;
        _warmup = new Lazy<WarmupOptions>(() => WarmupOptions.Read(recipe.TiersFile, recipe.TierMaxCrates, recipe.TierTimings, settings.Shared.Build.Target));
    }

    private static InvalidOperationException NotBound() =>
        new("The Prewarm settings are not bound yet: PrewarmLifetime binds them before the first task (UsePrewarm registers it).");
}
