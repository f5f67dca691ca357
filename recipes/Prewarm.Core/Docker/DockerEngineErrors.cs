namespace Prewarm.Core.Docker;

/// <summary>Turns what the docker CLI prints when it cannot use the engine into one line the user can act on.</summary>
public static class DockerEngineErrors
{
    /// <summary>A one-line explanation of <paramref name="stderr"/> from <paramref name="command"/>,
    /// or null when it is none of the known engine failures.</summary>
    public static string? Explain(string command, string stderr)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        if (stderr.Contains("permission denied while trying to connect to the Docker daemon", StringComparison.OrdinalIgnoreCase))
        {
            return $"{command}: no permission on the Docker socket{Socket(stderr)}: add the user to the 'docker' group or run as root.";
        }

        if (stderr.Contains("Cannot connect to the Docker daemon", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("Is the docker daemon running", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("error during connect", StringComparison.OrdinalIgnoreCase))
        {
            return $"{command}: the Docker daemon is not running or not reachable{Socket(stderr)}: start dockerd (tests/setup.sh does) or fix DOCKER_HOST.";
        }

        if (stderr.Contains("unknown operating system or architecture", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("no match for platform", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("invalid platform", StringComparison.OrdinalIgnoreCase))
        {
            return $"{command}: the engine cannot build this platform: {line}";
        }

        return null;
    }

    private static string Socket(string stderr)
    {
        var start = stderr.IndexOf("unix://", StringComparison.Ordinal);
        if (start < 0)
        {
            start = stderr.IndexOf("tcp://", StringComparison.Ordinal);
        }

        if (start < 0)
        {
            return string.Empty;
        }

        var end = start;
        while (end < stderr.Length && !char.IsWhiteSpace(stderr[end]) && stderr[end] != '"')
        {
            end++;
        }

        return $" at {stderr[start..end].TrimEnd('.', ':', ',')}";
    }
}
