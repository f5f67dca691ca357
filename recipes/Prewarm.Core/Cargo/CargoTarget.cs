namespace Prewarm.Core.Cargo;

/// <summary>A compilation target of a package (lib, proc-macro, bin, example, test, bench,
/// custom-build), declared or auto-discovered the way cargo does.</summary>
public sealed record CargoTarget
{
    public required string Name { get; init; }

    /// <summary>Cargo metadata's <c>kind</c> list: <c>lib</c>/<c>rlib</c>/<c>proc-macro</c>…, <c>bin</c>,
    /// <c>example</c>, <c>test</c>, <c>bench</c>, <c>custom-build</c>.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    public IReadOnlyList<string> CrateTypes { get; init; } = [];

    /// <summary>The root source file, relative to the repository root with '/' separators.</summary>
    public required string SrcPath { get; init; }

    public required string Edition { get; init; }

    public IReadOnlyList<string> RequiredFeatures { get; init; } = [];

    public bool Test { get; init; } = true;
    public bool Doctest { get; init; }
    public bool Bench { get; init; } = true;
    public bool Doc { get; init; }
    public bool Harness { get; init; } = true;

    /// <summary>True when found by cargo's auto-discovery rather than declared in the manifest.</summary>
    public bool AutoDiscovered { get; init; }
}
