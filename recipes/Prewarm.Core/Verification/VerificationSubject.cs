using Prewarm.Core.Docker;

namespace Prewarm.Core.Verification;

/// <summary>Where one repository is verified: on this machine (a build in its directory), or in the
/// builder image the Image task recorded (what its last build left in <c>/build/prewarm/</c>), per platform.
/// <c>CrossTriple</c>: the image was cross-compiled (<c>--cross</c>); the triple its platform's units must have been compiled for.</summary>
public sealed record VerificationSubject(string RepositoryId, string Description, string Where, string? Image, ImageRecord? Record, string? Platform, string? CrossTriple = null)
{
    public bool InImage => Image is not null;

    public static VerificationSubject Local(string repositoryId, string repository) =>
        new(repositoryId, $"locally in {repository}", "locally", null, null, null);

    public static VerificationSubject InBuilderImage(string repositoryId, string image, ImageRecord? record, string? platform, string? crossTriple = null) =>
        new(repositoryId, $"in the builder image {image}", $"in the builder image {image} (recorded by its last build)", image, record, platform, crossTriple);

    /// <summary>What the Dockerfile task rendered for the repository (its <c>dockerfile.json</c>: FROM an
    /// organisation builder image, cross-compiled), or null when it did not run.</summary>
    public static DockerfileRecord? Rendered(string dockerfileRecord) =>
        File.Exists(dockerfileRecord) ? StageJson.Read<DockerfileRecord>(dockerfileRecord, "Dockerfile") : null;

    /// <summary>What Verify found. An image's final build step compiles only the workspace's own crates,
    /// so its sccache figures are reported, not held to the hit-rate threshold.</summary>
    /// <param name="expected">The crates the repository must find.</param>
    /// <param name="observed">What the build (local, or recorded in the image) showed.</param>
    /// <param name="sccacheAsked">sccache statistics were asked for (locally: zeroed and read; in an image: read from its record).</param>
    public RepositoryVerification Verify(ExpectedCrates expected, BuildObservation observed, bool sccacheAsked)
    {
        // An image rendered without --sccache records no statistics: say so rather than blame the switch.
        var notChecked = sccacheAsked && InImage
            ? $"{Image} was built without sccache; render its Dockerfile with --sccache=on to measure it"
            : RepositoryVerification.SccacheSwitchedOff;
        return new RepositoryVerification(RepositoryId, Where, expected.From, CrateCheck.Compare(expected.Crates, observed.Tree),
            UnitFreshness.From(observed.Artifacts), observed.Sccache, notChecked,
            SccacheGated: !InImage, Image: Record, Platform: Platform, Supply: observed.Supply,
            Target: CrossTriple is null ? null : CompiledTarget.From(CrossTriple, observed.Artifacts));
    }
}
