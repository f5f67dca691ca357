using System.Globalization;

namespace Prewarm.Core.Verification;

/// <summary>
/// Reads the output of <c>cargo tree --prefix depth --format "{p}"</c>: each line is the depth
/// digits followed by <c>name vX.Y.Z</c> and optional parenthesised notes — the source (a path
/// or a git URL; none for the default registry), <c>(proc-macro)</c> and <c>(*)</c>.
/// </summary>
public static class CargoTreeParser
{
    /// <summary>Parses the lines; <paramref name="origin"/> (the command) names where a bad line came from.</summary>
    public static IReadOnlyList<CargoTreeEntry> Parse(string output, string origin)
    {
        var entries = new List<CargoTreeEntry>();
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            entries.Add(ParseLine(line) ?? throw new PrewarmException(
                $"{origin}: line {index + 1}: expected '<depth><name> v<version> [(source)]', got '{line}'"));
        }

        return entries;
    }

    private static CargoTreeEntry? ParseLine(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        var depth = int.Parse(line.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        var rest = line[digits..];
        var space = rest.IndexOf(' ');
        if (space <= 0 || space + 2 >= rest.Length || rest[space + 1] != 'v')
        {
            return null;
        }

        var name = rest[..space];
        var afterName = rest[(space + 2)..];
        var versionEnd = afterName.IndexOf(' ');
        var version = versionEnd < 0 ? afterName : afterName[..versionEnd];
        var notes = versionEnd < 0 ? string.Empty : afterName[versionEnd..].Trim();

        var source = string.Empty;
        var procMacro = false;
        var repeat = false;
        foreach (var note in SplitNotes(notes))
        {
            switch (note)
            {
                case "*":
                    repeat = true;
                    break;
                case "proc-macro":
                    procMacro = true;
                    break;
                default:
                    source = note;
                    break;
            }
        }

        return version.Length > 0 && char.IsAsciiDigit(version[0])
            ? new CargoTreeEntry(depth, name, version, source, procMacro, repeat)
            : null;
    }

    // "(/a/b) (*)" → "/a/b", "*"; a git URL holds no ") (" so splitting on balanced groups is enough.
    private static IEnumerable<string> SplitNotes(string notes)
    {
        var depth = 0;
        var start = -1;
        for (var i = 0; i < notes.Length; i++)
        {
            if (notes[i] == '(')
            {
                if (depth++ == 0)
                {
                    start = i + 1;
                }
            }
            else if (notes[i] == ')' && depth > 0 && --depth == 0)
            {
                yield return notes[start..i];
            }
        }
    }
}
