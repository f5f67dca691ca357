namespace Prewarm.Tests.Reliability.RandomWorkspaces;

/// <summary>A generated repository on disk.</summary>
/// <param name="Roots">The root manifests cargo locked (relative, '/'-separated, sorted).</param>
/// <param name="Description">The seed and every manifest, for a failure message that lets the case be rebuilt.</param>
internal sealed record GeneratedWorkspace(IReadOnlyList<string> Roots, string Description);
