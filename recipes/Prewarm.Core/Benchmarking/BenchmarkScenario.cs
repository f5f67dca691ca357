namespace Prewarm.Core.Benchmarking;

/// <summary>The three builds the benchmark compares.</summary>
public enum BenchmarkScenario
{
    /// <summary>Empty target directory and empty sccache cache: nothing to reuse.</summary>
    Cold,

    /// <summary>The dependencies were built beforehand (cook-equivalent), then the real build ran.</summary>
    Warm,

    /// <summary>A rebuild after touching every workspace member's sources: the edit-compile loop.</summary>
    Subsequent,
}
