namespace Prewarm.Core.Benchmarking;

/// <summary>Builds that share one target directory and one sccache cache (a private server runs for the phase).</summary>
public sealed record BenchmarkPhase(string TargetDirectory, string CacheDirectory, IReadOnlyList<BenchmarkBuild> Builds);
