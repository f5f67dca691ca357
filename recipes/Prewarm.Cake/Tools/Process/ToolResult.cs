namespace Prewarm.Cake.Tools.Process;

/// <summary>How a tool ended and what it printed: standard output line by line (for parsers) and
/// standard error (for messages). Every tool wrapper returns this.</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard output, '\n'-joined.</summary>
    public string Output => string.Join('\n', StandardOutput);

    /// <summary>Standard error, '\n'-joined.</summary>
    public string Error => string.Join('\n', StandardError);

    /// <summary>The most telling line of standard error for a one-line message: the first line
    /// starting with "error" in any case (cargo's <c>error:</c>, BuildKit's <c>ERROR:</c>, the docker
    /// CLI's <c>Error response from daemon</c>), else the last non-empty line.</summary>
    public string ErrorSummary
    {
        get
        {
            var lines = StandardError.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            return lines.FirstOrDefault(l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase))
                ?? lines.LastOrDefault()
                ?? "no output on standard error";
        }
    }
}
