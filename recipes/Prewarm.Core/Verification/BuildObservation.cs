namespace Prewarm.Core.Verification;

/// <summary>What one build showed: the dependency tree, the compiled units, sccache's statistics, and,
/// for an image built FROM an organisation builder image, what that builder supplied.</summary>
public sealed record BuildObservation(IReadOnlyList<CargoTreeEntry> Tree, IReadOnlyList<CompilerArtifact> Artifacts, SccacheStats? Sccache)
{
    public BuilderSupply? Supply { get; init; }
}
