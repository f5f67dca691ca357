namespace Prewarm.Core.Cargo;

/// <summary>A dependency as written (string or table form), before it is turned into a
/// <see cref="CargoDependency"/>; paths are already relative to the repository root.</summary>
internal sealed record DependencySpec
{
    public string? Version { get; init; }
    public string? Path { get; init; }

    /// <summary>The <c>path</c> as written in the manifest, for messages.</summary>
    public string? PathAsWritten { get; init; }

    public string? Git { get; init; }
    public string? Branch { get; init; }
    public string? Tag { get; init; }
    public string? Rev { get; init; }
    public string? Package { get; init; }
    public string? Registry { get; init; }
    public IReadOnlyList<string>? Features { get; init; }
    public bool? DefaultFeatures { get; init; }
    public bool? Optional { get; init; }
    public bool Workspace { get; init; }
    public bool Simple { get; init; }
}
