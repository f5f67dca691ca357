namespace Prewarm.Cake.Tools.Process;

/// <summary>What a tool printed: standard output whole (for parsers) and standard error (for messages).</summary>
public sealed record ToolOutput(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The most telling line of standard error for a one-line failure message: the first
    /// "error…" line, else the last non-empty line.</summary>
    public string ErrorSummary
    {
        get
        {
            var lines = StandardError.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            return lines.FirstOrDefault(l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase))
                ?? lines.LastOrDefault()
                ?? "no output on standard error";
        }
    }
}
