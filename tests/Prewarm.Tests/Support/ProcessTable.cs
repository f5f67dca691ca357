using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>The machine's processes, as <c>pgrep -f</c> sees them (processes inside containers included).</summary>
internal static class ProcessTable
{
    /// <summary>Ids of the processes whose command line matches the extended regular expression.</summary>
    public static async Task<string[]> MatchingAsync(string pattern)
    {
        var result = await Cli.Wrap("pgrep").WithArguments(["-f", pattern]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
