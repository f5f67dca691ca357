namespace Prewarm.Core.Cargo;

/// <summary>An entry of <c>[patch.&lt;source&gt;]</c> or <c>[replace]</c> in a workspace root.</summary>
public sealed record CargoPatch
{
    /// <summary>For <c>[patch]</c>: the patched source (<c>crates-io</c> or a URL); for <c>[replace]</c>: the package spec (<c>foo:1.0.0</c>).</summary>
    public required string Source { get; init; }

    public required CargoDependency Replacement { get; init; }
}
