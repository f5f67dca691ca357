using Prewarm.Core.Artifacts;
using Prewarm.Core.Recipes;

namespace Prewarm.Core.Settings;

/// <summary>What every task shares: the repositories, where artifacts go, sccache and the build every stage
/// that compiles makes (<see cref="Build"/>: profile, target, feature switches, member selection).</summary>
public sealed record SharedSettings
{
    /// <summary>Absolute repository roots from <c>repo</c>, in order; the working directory when none.</summary>
    public required IReadOnlyList<string> Repositories { get; init; }

    /// <summary>Absolute artifacts directory (<c>artifacts</c>, default <c>artifacts/prewarm</c>).</summary>
    public required string Artifacts { get; init; }

    public ArtifactsLayout Layout => new(Artifacts);

    public SccacheMode Sccache { get; init; } = SccacheMode.Auto;

    /// <summary>This run's build identity, as its options give it; stages after Recipe compare it with the recorded one.</summary>
    public BuildIdentity Build { get; init; } = new();
}
