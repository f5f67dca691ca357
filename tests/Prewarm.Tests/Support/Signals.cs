using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace Prewarm.Tests.Support;

/// <summary>Sends Ctrl-C (SIGINT) or SIGTERM to a process the way a terminal or a CI runner does.</summary>
internal static class Signals
{
    /// <summary>A launcher without job control (a non-interactive shell's background job) starts
    /// its children with SIGINT ignored, and ignored signals survive exec: Ctrl-C cannot reach them.</summary>
    public static bool InterruptIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    public static async Task SendAsync(int processId, string signal)
    {
        var result = await Cli.Wrap("kill").WithArguments(["-" + signal, processId.ToString(CultureInfo.InvariantCulture)])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId}: {result.StandardError}");
        }
    }
}
