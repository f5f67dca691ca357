using Prewarm.Core.Cargo;

namespace Prewarm.Core.Scanning;

/// <summary>The content of <c>scan.json</c>: the full model of every scanned repository, in --repo order.</summary>
public sealed record ScanDocument
{
    public const string FileName = "scan.json";

    /// <summary>Bumped when the shape changes incompatibly, so readers can refuse an old file.</summary>
    public int FormatVersion { get; init; } = 1;

    public required IReadOnlyList<CargoRepository> Repositories { get; init; }
}
