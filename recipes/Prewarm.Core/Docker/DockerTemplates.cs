namespace Prewarm.Core.Docker;

/// <summary>
/// The Dockerfile templates: the files in <c>templates/docker/</c>, embedded in this assembly so
/// the package carries them, or a directory of the user's that overrides them file by file.
/// </summary>
public sealed class DockerTemplates
{
    public const string Main = "Dockerfile.template";
    public const string LayoutCargoHome = "layout-cargo-home.template";
    public const string LayoutSymlinked = "layout-symlinked.template";
    public const string Sccache = "sccache.template";
    public const string CargoConfig = "cargo-config.template";
    public const string WarmupTier = "warmup-tier.template";
    public const string Builder = "builder.template";
    public const string BuilderSkeleton = "builder-skeleton.template";
    public const string CrossStages = "cross-stages.template";
    public const string CrossTarget = "cross-target.template";
    public const string CrossFinal = "cross-final.template";
    public const string RustTargetCheck = "rust-target-check.template";
    public const string SeedStage = "seed-stage.template";
    public const string SeedCopy = "seed-copy.template";
    public const string PruneUnits = "prune-units.template";

    public static IReadOnlyList<string> Names { get; } = [Main, LayoutCargoHome, LayoutSymlinked, Sccache, CargoConfig, WarmupTier, Builder, BuilderSkeleton, CrossStages, CrossTarget, CrossFinal, RustTargetCheck, SeedStage, SeedCopy, PruneUnits];

    private const string ResourcePrefix = "Prewarm.Core.Docker.Templates.";
    private readonly string? _overrideDirectory;

    private DockerTemplates(string? overrideDirectory) => _overrideDirectory = overrideDirectory;

    /// <summary>The templates shipped in the assembly.</summary>
    public static DockerTemplates Embedded { get; } = new(null);

    /// <summary>Templates from <paramref name="directory"/> where it has the file, embedded otherwise.</summary>
    public static DockerTemplates WithOverrides(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PrewarmException($"{directory}: template directory not found.");
        }

        return new DockerTemplates(directory);
    }

    /// <summary>Where a template comes from, for error messages.</summary>
    public string Source(string name) =>
        _overrideDirectory is not null && File.Exists(Path.Combine(_overrideDirectory, name))
            ? Path.Combine(_overrideDirectory, name)
            : $"templates/docker/{name} (embedded)";

    public string Read(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown template {name}.", nameof(name));
        }

        if (_overrideDirectory is not null)
        {
            var file = Path.Combine(_overrideDirectory, name);
            if (File.Exists(file))
            {
                return TemplateText.NormaliseLineEndings(File.ReadAllText(file));
            }
        }

        using var stream = typeof(DockerTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded template {name} is missing from {typeof(DockerTemplates).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return TemplateText.NormaliseLineEndings(reader.ReadToEnd());
    }
}
