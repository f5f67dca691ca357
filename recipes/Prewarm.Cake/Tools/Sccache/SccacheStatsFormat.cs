namespace Prewarm.Cake.Tools.Sccache;

public enum SccacheStatsFormat
{
    /// <summary><c>--stats-format=json</c> (sccache 0.2.14 and later).</summary>
    Json,

    /// <summary>The human-readable table (no <c>--stats-format</c> argument).</summary>
    Text,
}
