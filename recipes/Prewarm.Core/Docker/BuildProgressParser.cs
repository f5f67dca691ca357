using System.Globalization;
using System.Text.RegularExpressions;

namespace Prewarm.Core.Docker;

/// <summary>
/// Reads BuildKit's <c>--progress=plain</c> output (docker buildx and the engine's integrated
/// BuildKit print the same form) into steps and how each finished. Interleaved output of parallel
/// steps is fine: every line names its step number.
/// </summary>
public static partial class BuildProgressParser
{
    public static IReadOnlyList<BuildStep> Parse(string output)
    {
        var names = new Dictionary<int, string>();
        var statuses = new Dictionary<int, BuildStepStatus>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var match = StepLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var rest = match.Groups[2].Value;
            if (rest.StartsWith("sha256:", StringComparison.Ordinal) || StepOutput().IsMatch(rest))
            {
                continue;   // the vertex digest (older BuildKit) or a line of the step's own output
            }

            var status = Status(rest);
            if (status is not null)
            {
                statuses[number] = status.Value;
            }
            else if (!names.ContainsKey(number))
            {
                names[number] = rest;
            }
        }

        return names.OrderBy(n => n.Key)
            .Select(n => new BuildStep(n.Key, n.Value, statuses.GetValueOrDefault(n.Key, BuildStepStatus.Unfinished)))
            .ToList();
    }

    /// <summary>The lines step <paramref name="number"/> printed, in order, timestamps removed and trimmed.</summary>
    public static IReadOnlyList<string> Output(string output, int number)
    {
        var lines = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var match = StepLine().Match(raw.TrimEnd('\r'));
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) == number
                && StepOutput().Match(match.Groups[2].Value) is { Success: true } time)
            {
                lines.Add(match.Groups[2].Value[time.Length..].Trim());
            }
        }

        return lines;
    }

    private static BuildStepStatus? Status(string rest)
    {
        if (rest == "CACHED")
        {
            return BuildStepStatus.Cached;
        }

        if (rest.StartsWith("DONE", StringComparison.Ordinal))
        {
            return BuildStepStatus.Done;
        }

        if (rest.StartsWith("ERROR", StringComparison.Ordinal))
        {
            return BuildStepStatus.Error;
        }

        return rest.StartsWith("CANCELED", StringComparison.Ordinal) ? BuildStepStatus.Canceled : null;
    }

    [GeneratedRegex(@"^#(\d+) (.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex StepLine();

    // A line the step printed, after its timestamp: "0.505 arch=amd64", "12.3 Compiling serde".
    [GeneratedRegex(@"^\d+\.\d+ ", RegexOptions.CultureInvariant)]
    private static partial Regex StepOutput();
}
