using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>
/// The one line that says why a BuildKit build failed: the failing step's command (without its
/// cache mounts) and the first error the command printed, with cargo's last "Caused by" line, which
/// is usually the actual reason (e.g. "lock file version `4` was found, but this version of Cargo
/// does not understand this lock file").
/// </summary>
public static partial class BuildFailure
{
    /// <summary>Null when no step of <paramref name="progress"/> (BuildKit's plain output) failed.</summary>
    public static string? Explain(string progress)
    {
        var failed = BuildProgressParser.Parse(progress).LastOrDefault(s => s.Status == BuildStepStatus.Error);
        if (failed is null)
        {
            return null;
        }

        var output = BuildProgressParser.Output(progress, failed.Number).ToList();
        var instruction = failed.Instruction.StartsWith("RUN ", StringComparison.Ordinal) ? failed.Instruction[4..] : failed.Instruction;
        var command = Mounts().Replace(instruction, string.Empty).Trim();
        var error = output.FindIndex(l => l.StartsWith("error", StringComparison.Ordinal));
        if (error < 0)
        {
            var last = output.LastOrDefault(l => l.Length > 0);
            return last is null ? $"`{command}` failed" : $"`{command}` failed: {last}";
        }

        // cargo prints "Caused by:" followed by the causes, innermost last.
        var cause = output.Skip(error + 1).TakeWhile(l => !l.StartsWith("error", StringComparison.Ordinal)).ToList();
        var causedBy = cause.FindLastIndex(l => l == "Caused by:");
        var innermost = causedBy < 0 ? null : cause.Skip(causedBy + 1).LastOrDefault(l => l.Length > 0);
        return innermost is null ? $"`{command}` failed: {output[error]}" : $"`{command}` failed: {output[error]} ({innermost})";
    }

    [GeneratedRegex(@"--mount=\S+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Mounts();
}
