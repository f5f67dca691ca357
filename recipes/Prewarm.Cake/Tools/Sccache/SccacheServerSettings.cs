namespace Prewarm.Cake.Tools.Sccache;

/// <summary>Settings for <c>--zero-stats</c>, <c>--start-server</c> and <c>--stop-server</c>, which take no options of their own.</summary>
public sealed class SccacheServerSettings : SccacheSettings
{
}
