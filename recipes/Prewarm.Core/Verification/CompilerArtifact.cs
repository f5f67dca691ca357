namespace Prewarm.Core.Verification;

/// <summary>A <c>compiler-artifact</c> message of <c>cargo build --message-format=json</c>: one unit
/// (a library, binary, build script … of one package) and whether cargo reused it (<c>fresh</c>).</summary>
public sealed record CompilerArtifact(CargoPackageId Package, string TargetName, IReadOnlyList<string> TargetKinds, bool Fresh)
{
    /// <summary>The features the unit was compiled with, as cargo lists them (sorted by cargo).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The files cargo wrote for the unit (their directory says which target it was compiled for).</summary>
    public IReadOnlyList<string> Filenames { get; init; } = [];
}
