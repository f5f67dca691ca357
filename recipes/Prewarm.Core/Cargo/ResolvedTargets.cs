namespace Prewarm.Core.Cargo;

/// <summary>What <see cref="TargetDiscovery"/> found for one package.</summary>
/// <param name="Targets">Lib first, then bins, examples, tests, benches, custom-build.</param>
/// <param name="BuildScript">The build script relative to the repository root, or null.</param>
public sealed record ResolvedTargets(IReadOnlyList<CargoTarget> Targets, string? BuildScript);
