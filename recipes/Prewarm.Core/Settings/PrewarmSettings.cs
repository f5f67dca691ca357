using Prewarm.Core.Services;

namespace Prewarm.Core.Settings;

/// <summary>Every task's settings, bound once per run by <see cref="SettingsBinder"/>.</summary>
public sealed record PrewarmSettings
{
    public required SharedSettings Shared { get; init; }

    public ScanSettings Scan { get; init; } = new();

    public RecipeSettings Recipe { get; init; } = new();

    public CookSettings Cook { get; init; } = new();

    public VerifySettings Verify { get; init; } = new();

    public DoctorSettings Doctor { get; init; } = new();

    public BenchmarkSettings Benchmark { get; init; } = new();

    public DockerSettings Docker { get; init; } = new();

    /// <summary>The services prewarm.toml declares (<c>[services.NAME]</c>): with any, each gets its own build.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; init; } = [];
}
