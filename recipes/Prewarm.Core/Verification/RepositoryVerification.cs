using System.Globalization;

namespace Prewarm.Core.Verification;

/// <summary>What Verify found for one repository. <see cref="Sccache"/> is null when sccache was not
/// checked, and <see cref="SccacheNotChecked"/> then says why. <see cref="SccacheGated"/> is false
/// where the statistics are only informational: an image's final build step compiles the workspace's
/// own crates, which a source change always makes misses. <see cref="Image"/> is what the Image task
/// recorded of the builder image verified (tags, push, size over its base), null when verified locally.
/// <see cref="Supply"/>: what an organisation builder image supplied, when the image was built FROM one.
/// <see cref="Target"/>: for a cross-compiled image, the target its recorded build compiled for.</summary>
public sealed record RepositoryVerification(
    string RepositoryId,
    string Where,
    string ExpectedFrom,
    IReadOnlyList<CrateCheck> Crates,
    UnitFreshness Freshness,
    SccacheStats? Sccache,
    string SccacheNotChecked = RepositoryVerification.SccacheSwitchedOff,
    bool SccacheGated = true,
    Docker.ImageRecord? Image = null,
    string? Platform = null,
    BuilderSupply? Supply = null,
    CompiledTarget? Target = null)
{
    /// <summary>The repository, and the platform when an image was built for several.</summary>
    public string Label => Platform is null ? RepositoryId : $"{RepositoryId} ({Platform})";

    /// <summary>One line for the log: crates present, fresh dependency units, sccache's hit rate.</summary>
    public string Summary
    {
        get
        {
            var sccache = Sccache is null ? $"not checked ({SccacheNotChecked})"
                : Sccache.HitRatePercent is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.0}%") : "n/a (nothing compiled)";
            return $"{Label}: crates {Crates.Count(c => c.Status == CrateStatus.Present)}/{Crates.Count} present; "
                + $"dependency units fresh {Freshness.FreshDependencyUnits}/{Freshness.DependencyUnits}; sccache hit rate {sccache}";
        }
    }

    /// <summary>The reason when the user turned the check off.</summary>
    public const string SccacheSwitchedOff = "--sccache=off";

    /// <summary>Every missed mark, one sentence each; empty when the repository passes.</summary>
    public IReadOnlyList<string> Failures(VerificationThresholds thresholds)
    {
        var failures = new List<string>();
        var missing = Crates.Where(c => c.Status == CrateStatus.Missing).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
        {
            failures.Add($"{Label}: missing from cargo tree: {string.Join(", ", missing)}");
        }

        var other = Crates.Where(c => c.Status == CrateStatus.OtherVersion)
            .Select(c => $"{c.Name} {string.Join("/", c.FoundVersions)} (locked {c.ExpectedVersion})")
            .ToArray();
        if (other.Length > 0)
        {
            failures.Add($"{Label}: at another version than locked: {string.Join(", ", other)}");
        }

        if (SccacheGated && Sccache?.HitRatePercent is { } rate && rate < thresholds.MinHitRatePercent)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Label}: sccache hit rate {rate:0.0}% is below {thresholds.MinHitRatePercent:0.#}% ({Sccache.TotalHits} hits, {Sccache.TotalMisses} misses)"));
        }

        if (Freshness.DependencyFreshPercent is { } share && share < thresholds.MinFreshSharePercent)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Label}: {share:0.0}% of dependency units were pre-warmed (fresh), below {thresholds.MinFreshSharePercent:0.#}% ({Freshness.FreshDependencyUnits} of {Freshness.DependencyUnits})"));
        }

        if (Target is { Matches: false } target)
        {
            failures.Add($"{Label}: {target.Mismatch}");
        }

        if (Supply?.SharePercent is { } supplied && supplied < thresholds.MinBuilderSharePercent)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Label}: the builder image supplied {supplied:0.0}% of the dependency units, below {thresholds.MinBuilderSharePercent:0.#}% ({Supply.FromBuilderImage} of {Supply.FromBuilderImage + Supply.CompiledInSkeleton}; compiled: {string.Join(", ", Supply.Missed.Select(m => $"{m.Name} {m.Version} ({m.Reason})"))})"));
        }

        return failures;
    }
}
