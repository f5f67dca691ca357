using Prewarm.Core.Verification;

namespace Prewarm.Cake.Support;

/// <summary>What one build showed: the dependency tree, the compiled units, sccache's statistics.</summary>
internal sealed record BuildObservation(IReadOnlyList<CargoTreeEntry> Tree, IReadOnlyList<CompilerArtifact> Artifacts, SccacheStats? Sccache);
