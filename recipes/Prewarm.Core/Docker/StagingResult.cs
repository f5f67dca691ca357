namespace Prewarm.Core.Docker;

/// <summary>What staging a build context changed (relative paths, ordinal order).</summary>
public sealed class StagingResult
{
    public List<string> Written { get; } = [];

    public List<string> Deleted { get; } = [];

    public int Unchanged { get; set; }
}
