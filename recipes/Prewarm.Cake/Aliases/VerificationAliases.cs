using Prewarm.Core.Verification;

namespace Prewarm.Cake.Aliases;

/// <summary>Reading what cargo and sccache report, from a Cake script.</summary>
[CakeAliasCategory("Prewarm")]
public static class VerificationAliases
{
    /// <summary>Parses <c>sccache --show-stats --stats-format=json</c> output (any sccache version's shape).</summary>
    [CakeMethodAlias]
    public static SccacheStats PrewarmParseSccacheStats(this ICakeContext context, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SccacheStatsParser.ParseJson(json, "sccache --show-stats");
    }

    /// <summary>
    /// Compares <c>cargo tree -e normal,build --prefix depth --format {p}</c> output with the crates that
    /// should be there: each is found at its expected version, at another, or missing.
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<CrateCheck> PrewarmCheckCargoTree(this ICakeContext context, string cargoTreeOutput, IEnumerable<ExpectedCrate> expected)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CrateCheck.Compare(expected, CargoTreeParser.Parse(cargoTreeOutput, "cargo tree"));
    }
}
