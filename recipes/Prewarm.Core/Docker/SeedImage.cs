namespace Prewarm.Core.Docker;

/// <summary>
/// The image whose compiled units a build's dependency steps start from (the Dockerfile's
/// <c>seed</c> stage), and why. Chosen so that an unchanged recipe rebuilds nothing and a changed one
/// starts from the last build: after a dependency change the seed is the previous image itself; while the
/// dependency inputs stay the same it is the seed that image was built from, so every step's cache key,
/// the seed's included, is the one the previous build had.
/// </summary>
public sealed record SeedImage(string Reference, string Reason)
{
    /// <summary>The seed is the previous image itself (its dependency inputs changed): a local seed tag must
    /// now name it. Otherwise the seed is the one the previous image was built from, as it is.</summary>
    public bool IsPrevious { get; init; }

    /// <summary>The build argument naming the seed (the Dockerfile's <c>ARG PREWARM_SEED=scratch</c>).</summary>
    public const string BuildArgument = "PREWARM_SEED";

    /// <summary>No seed: an empty stage.</summary>
    public const string None = "scratch";

    /// <summary>Label: SHA-256 of what the dependency steps are made from (<see cref="SeedInputs"/>).</summary>
    public const string InputsLabel = "dev.prewarm.dependency-inputs";

    /// <summary>Label: the seed the image was built from.</summary>
    public const string SeedLabel = "dev.prewarm.seed";

    public bool IsNone => Reference == None;

    /// <param name="previous">The tag's last image; null when neither the engine nor a registry has one.</param>
    /// <param name="dependencyInputs">This build's <see cref="SeedInputs"/>.</param>
    /// <param name="available">Whether the engine has (or can pull) a reference.</param>
    public static SeedImage Choose(PreviousImage? previous, string dependencyInputs, Func<string, bool> available)
    {
        if (previous is null)
        {
            return new SeedImage(None, "no previous image of the tag: a cold build");
        }

        if (previous.DependencyInputs == dependencyInputs)
        {
            var seed = previous.Seed ?? None;
            if (seed == None || available(seed))
            {
                return new SeedImage(seed, $"dependency inputs unchanged since {previous.Reference}: the seed it was built from, so its dependency steps are reused");
            }

            return new SeedImage(previous.Pinned, $"dependency inputs unchanged since {previous.Reference}, but the seed it was built from ({seed}) is gone: starting from its units") { IsPrevious = true };
        }

        return new SeedImage(previous.Pinned, previous.DependencyInputs is null
            ? $"{previous.Reference} records no dependency inputs: starting from its units"
            : $"dependency inputs changed since {previous.Reference}: starting from its units, cargo compiles only what changed") { IsPrevious = true };
    }
}
